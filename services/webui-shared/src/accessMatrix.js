// For the consoles' tests: who may call what, as the apps themselves write it into docs/security.md
// (EndpointAccessTest), so that a console's API layer is held to the server it calls.
import { readFileSync } from 'node:fs'
import { ROLES } from './roles.js'

/** The endpoints of one app's matrix ('node' or 'hub'), each with the roles (columns) that may call it. */
export function accessMatrix (app) {
  const security = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8')
  const part = security.slice(security.indexOf(`<!-- matrix:${app} -->`), security.indexOf(`<!-- /matrix:${app} -->`))
  const columns = part.split('\n').find(l => l.startsWith('| operation')).split('|').slice(2, -1).map(c => c.trim())
  return [...part.matchAll(/^\| `(GET|POST|PUT|DELETE) \/api\/v1([^`]*)` \|(.*)\|$/gm)].map(m => ({
    method: m[1],
    pattern: new RegExp('^' + m[2].replace(/\{[^}]+\}/g, '[^/]+') + '$'),
    roles: m[3].split('|').map(c => c.trim()).flatMap((c, i) => (c ? [columns[i]] : []))
  }))
}

/** The endpoint of the matrix a call of {method, path} reaches (path below /api/v1), or undefined. */
export function endpointFor (matrix, { method, path }) {
  return matrix.find(e => e.method === method && e.pattern.test(path))
}

const role = name => ROLES[name.trim().replace('ROLES.', '')]

/**
 * What a console offers beyond what the server allows: each page (a page() route of main.js, its roles) calls API
 * functions (xApi.fn in the page), each reaching endpoints (endpointsOf['xApi.fn']); a role offered the page must be
 * allowed on every endpoint that is not public, unless the page shows that action only to roles it names with
 * hasRole([ROLES.…]) and they are allowed. Returns one line per fault; empty when the console and the server agree.
 */
export function offeredBeyondTheServer ({ main, readPage, endpointsOf }) {
  const named = Object.fromEntries([...main.matchAll(/^const (\w+) = \[([^\]]*)\]/gm)]
    .map(m => [m[1], m[2].split(',').map(role)]))
  const routes = [...main.matchAll(/page\('([^']+)', '\w+', '\w+', (null|\w+|\[[^\]]*\]), \(\) => import\('\.\/pages\/(\w+\.vue)'\)\)/g)]
  if (!routes.length) return ['main.js has no page() routes']
  const faults = []
  for (const [, path, rolesText, file] of routes) {
    const roles = rolesText === 'null' ? [] : rolesText.startsWith('[') ? rolesText.slice(1, -1).split(',').map(role)
      : named[rolesText]
    const source = readPage(file)
    const guardedFor = [...source.matchAll(/hasRole\(\[([^\]]*)\]\)/g)].map(m => m[1].split(',').map(role))
    for (const [, module, fn] of source.matchAll(/\b(\w+Api)\.(\w+)\b/g)) {
      const endpoints = endpointsOf[module + '.' + fn]
      if (!endpoints) {
        faults.push(`${file} names ${module}.${fn}, which no API module has`)
        continue
      }
      for (const endpoint of endpoints) {
        if (endpoint.roles.includes('public')) continue
        const missing = roles.filter(r => !endpoint.roles.includes(r))
        const guarded = guardedFor.some(g => g.length && g.every(r => endpoint.roles.includes(r)))
        if ((missing.length && !guarded) || !roles.length) {
          faults.push(`${path} (${file}) offers ${missing.join(', ') || 'everyone'} ${module}.${fn}, which the server refuses them`)
        }
      }
    }
  }
  return faults
}
