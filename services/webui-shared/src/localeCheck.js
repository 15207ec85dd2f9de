// Checks a console's texts (run by each console's locales.test.js, Vitest): zh-CN and en hold the same keys,
// and every key the console's code names exists in both languages, with the texts every console shares
// (./locales). vue-i18n would show a missing key as the key itself; this makes it a failing build instead.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import zhCN from './locales/zh-CN.js'
import en from './locales/en.js'

/** Every leaf of a nested texts object, as 'a.b.c'. */
export function keys (texts, prefix = '') {
  return Object.entries(texts).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k])
}

/** The keys one language has and the other has not. */
export function difference (a, b) {
  const inB = new Set(keys(b))
  const inA = new Set(keys(a))
  return { onlyFirst: [...inA].filter(k => !inB.has(k)), onlySecond: [...inB].filter(k => !inA.has(k)) }
}

/**
 * The keys the code names as literals: in calls of t, $t, te and tc, a route's or group's title, and the menu title of
 * each page() route. A literal ending in '.' (the category texts' prefix followed by + code) names a group of keys.
 */
export function namedKeys (source) {
  const found = new Set()
  const patterns = [/(?<![\w.])\$?t[ec]?\(\s*['"`]([A-Za-z][\w.-]*)['"`]/g, /\btitle(?:Key)?:\s*['"]([a-z][\w]*\.[\w.]+|title)['"]/g,
    /'(menu\.)'\s*\+/g]
  for (const p of patterns) {
    for (const m of source.matchAll(p)) found.add(m[1])
  }
  // a console's route, page('/path', 'name', …) (console.js), is titled menu.name
  for (const m of source.matchAll(/\bpage\(\s*'[^']*',\s*'(\w+)'/g)) found.add('menu.' + m[1])
  return [...found]
}

function sources (dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path)
    // this checker's own patterns are not texts the console names
    return /\.(vue|js)$/.test(name) && !name.endsWith('.test.js') && name !== 'localeCheck.js' ? [path] : []
  })
}

function has (texts, key) {
  let node = texts
  for (const part of key.replace(/\.$/, '').split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false
    node = node[part]
  }
  return key.endsWith('.') ? typeof node === 'object' : typeof node === 'string'
}

/**
 * The problems of a console whose own texts are {zh, en} and whose code lies under dirs (the shared components
 * included): keys in one language only, and keys the code names that a language lacks. Empty when all is well.
 */
export function problems ({ zh, en: english }, dirs) {
  const out = []
  const own = difference(zh, english)
  own.onlyFirst.forEach(k => out.push(`only in zh-CN: ${k}`))
  own.onlySecond.forEach(k => out.push(`only in en: ${k}`))
  const shared = difference(zhCN, en)
  shared.onlyFirst.forEach(k => out.push(`only in the shared zh-CN: ${k}`))
  shared.onlySecond.forEach(k => out.push(`only in the shared en: ${k}`))
  for (const file of dirs.flatMap(sources)) {
    for (const key of namedKeys(readFileSync(file, 'utf8'))) {
      for (const [language, texts] of [['zh-CN', [zh, zhCN]], ['en', [english, en]]]) {
        if (!texts.some(t => has(t, key))) out.push(`${file}: ${key} has no ${language} text`)
      }
    }
  }
  return out
}
