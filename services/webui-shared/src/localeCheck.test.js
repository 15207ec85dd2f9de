import { test } from 'vitest'
import assert from 'node:assert/strict'
import { difference, keys, namedKeys, problems } from './localeCheck.js'

test('nested texts are keyed by their path', () => {
  assert.deepEqual(keys({ a: 'x', b: { c: 'y', d: { e: 'z' } } }), ['a', 'b.c', 'b.d.e'])
})

test('a key in one language only is found, either way', () => {
  assert.deepEqual(difference({ a: '甲', b: { c: '乙' } }, { a: 'A', b: { d: 'D' } }),
    { onlyFirst: ['b.c'], onlySecond: ['b.d'] })
})

test('the keys the code names: calls, titles, routes and prefixes of computed keys', () => {
  const source = `{{ $t('app.yes') }} t("field.name") te('risk.rule.' + r) title: 'menu.ledger' format(x) alt('no.key')
    page('/operator/audit', 'audit', 'operator', OPERATOR, () => import('./pages/OperatorAudit.vue'))`
  assert.deepEqual(namedKeys(source).sort(), ['app.yes', 'field.name', 'menu.audit', 'menu.ledger', 'risk.rule.'].sort())
})

test('a console whose code names a key a language lacks has a problem', () => {
  const dir = new URL('.', import.meta.url).pathname
  const found = problems({ zh: { only: '中' }, en: {} }, [])
  assert.deepEqual(found, ['only in zh-CN: only'])
  // the shared components name keys of the shared texts only
  assert.deepEqual(problems({ zh: {}, en: {} }, [dir]), [])
})
