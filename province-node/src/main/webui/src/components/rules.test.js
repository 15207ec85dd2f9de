// The enterprise's form preview of P6 (rules.js) against the cases the policy library is held to
// (voucher-policy p6-amounts.csv, RedemptionRulesTest), and against the rule itself for generated amounts.
import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { voucherAmount, windowOpen } from './rules.js'

const cases = readFileSync(new URL('../../../../../../services/voucher-policy/src/test/resources/org/yrd/voucher/policy/p6-amounts.csv',
  import.meta.url), 'utf8').split('\n').filter(l => l && !l.startsWith('#') && !l.startsWith('ratio'))

describe('P6 voucher amount', () => {
  test('the library\'s cases', () => {
    expect(cases.length).toBeGreaterThan(10)
    for (const line of cases) {
      const [ratio, requested, actual, available, expected] = line.split(',')
      expect(voucherAmount(ratio, Number(requested), Number(actual), Number(available)), line).toBe(Number(expected))
    }
  })

  test('never above the request, the balance, the actual expenditure or its share, for generated amounts', () => {
    let seed = 20261202
    const next = n => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
    for (let i = 0; i < 5000; i++) {
      const bp = 1 + next(10000)
      const ratio = (bp / 10000).toFixed(4)
      const actual = 1 + next(1e9)
      const requested = 1 + next(1e9)
      const available = next(1e9)
      const amount = voucherAmount(ratio, requested, actual, available)
      const share = Number((BigInt(actual) * BigInt(bp)) / 10000n) // rounded down: the public purse's favour
      expect(amount).toBe(Math.min(requested, available, share, actual))
    }
  })

  test('nothing for an empty or negative claim', () => {
    expect(voucherAmount('0.5', 0, 1000, 1000)).toBe(0)
    expect(voucherAmount('0.5', 1000, -1, 1000)).toBe(0)
  })
})

describe('P6 application windows', () => {
  const at = iso => new Date(iso)
  test('no window: open all year', () => {
    expect(windowOpen([], at('2026-02-01T00:00:00Z'))).toEqual({ open: true, draw: false })
  })
  test('a window across the new year, in Beijing time', () => {
    const windows = [{ from: '12-01', to: '01-31', draw: true }]
    expect(windowOpen(windows, at('2026-12-31T20:00:00Z')).open).toBe(true) // 1 January 04:00 in Beijing
    expect(windowOpen(windows, at('2026-01-31T17:00:00Z')).open).toBe(false) // 1 February 01:00 in Beijing
    expect(windowOpen(windows, at('2026-12-15T00:00:00Z')).draw).toBe(true)
  })
})
