// node --test: the same spellings as voucher-policy's DocumentNumbersTest give the same identity
import { test } from 'vitest'
import assert from 'node:assert/strict'
import { documentKey } from './documentNumbers.js'

test('the spellings people use for one invoice are one', () => {
  for (const typed of ['FP-77', 'fp-77', ' fp - 77 ', 'ＦＰ－７７', 'FP\u300077', 'F\u200bP77', 'fp_77', 'FP.77', 'FP–77', 'FP—77',
    'FP\u221277', 'fp/77', '\tFP77\n']) {
    assert.equal(documentKey(typed), 'FP77', typed)
  }
  assert.notEqual(documentKey('FP-78'), documentKey('FP-77'))
  assert.equal(documentKey('发票-0012'), '发票0012')
  assert.equal(documentKey(' - '), '')
})
