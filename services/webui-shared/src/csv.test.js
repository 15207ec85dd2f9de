// node --test: run by the node's Maven build (province-node pom, webui-unit-tests)
import { test } from 'vitest'
import assert from 'node:assert/strict'
import { csvCell, csvText } from './csv.js'

test('text a spreadsheet would run as a formula is written as text', () => {
  for (const s of ['=1+1', '+86 21', '-2', '@SUM(A1)', '\t=x', '\r=x', '=HYPERLINK("http://x","y")']) {
    assert.ok(csvCell(s).replace(/^"/, '').startsWith("'"), s)
  }
})

test('other text, numbers and empty cells are as they were', () => {
  assert.equal(csvCell('FP-77'), 'FP-77')
  assert.equal(csvCell(-120000), '-120000')
  assert.equal(csvCell(null), '')
  assert.equal(csvCell('上海, 浦东'), '"上海, 浦东"')
  assert.equal(csvCell('say "hi"'), '"say ""hi"""')
})

test('a formula with a comma is both neutralised and quoted', () => {
  assert.equal(csvText(['a'], [['=1,2']]), "a\n\"'=1,2\"\n")
})
