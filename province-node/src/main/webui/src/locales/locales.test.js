// The node console's texts: both languages hold the same keys, and every key its pages and the shared components
// name exists in both (webui-shared localeCheck.js).
import { test } from 'vitest'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { problems } from '../../../../../../services/webui-shared/src/localeCheck.js'
import zh from './zh-CN.js'
import en from './en.js'

test('zh-CN and en have every text the node console names', () => {
  const dirs = ['..', '../../../../../../services/webui-shared/src'].map(d => fileURLToPath(new URL(d, import.meta.url)))
  assert.deepEqual(problems({ zh, en }, dirs), [])
})
