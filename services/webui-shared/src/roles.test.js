import { test } from 'vitest'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { ROLES } from './roles.js'

test('the consoles name the roles exactly as the server does', () => {
  const java = readFileSync(new URL('../../web-edge/src/main/java/org/yrd/voucher/edge/Roles.java', import.meta.url), 'utf8')
  const server = Object.fromEntries([...java.matchAll(/public static final String (\w+) = "([^"]+)";/g)]
    .filter(m => !m[1].endsWith('_CLAIM')).map(m => [m[1], m[2]]))
  assert.deepEqual({ ...ROLES }, server)
})
