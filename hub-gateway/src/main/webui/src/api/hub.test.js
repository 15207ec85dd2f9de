// The hub console's API layer: every function calls an endpoint the hub serves (the access matrix EndpointAccessTest
// writes into docs/security.md), and none is left out of this check.
import { beforeEach, expect, test, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { accessMatrix, endpointFor, offeredBeyondTheServer } from '@shared/accessMatrix.js'

const calls = []
vi.mock('@shared/api.js', () => {
  const record = method => (path, data) => { calls.push({ method, path, data }); return Promise.resolve([]) }
  return { api: { get: record('GET'), post: record('POST'), text: record('GET'), file: record('GET') } }
})
const modules = await import('./hub.js')

const served = accessMatrix('hub')

const uses = [
  ['statisticsApi', 'provinces', [2026]], ['statisticsApi', 'flows', [2026]], ['statisticsApi', 'categories', [2026]],
  ['statisticsApi', 'timeToRedemption', [2026]], ['statisticsApi', 'topProviders', [2026]], ['statisticsApi', 'cities', [2026]],
  ['statisticsApi', 'exportCsv', []], ['statisticsApi', 'annualXlsx', ['2026']], ['statisticsApi', 'annualPdf', ['2026']], ['statisticsApi', 'reconciliation', []], ['statisticsApi', 'provenanceRefusals', []],
  ['statisticsApi', 'riskRules', []],
  ['providerReportApi', 'list', [{ year: 2026 }]], ['providerReportApi', 'csv', [{ year: 2026 }]],
  ['providerReportApi', 'one', ['91310104DEM000011H', 2026]],
  ['publicApi', 'notices', []], ['publicApi', 'qualityLibrary', []], ['publicApi', 'providers', []], ['publicApi', 'negativeList', []]
]

beforeEach(() => { calls.length = 0 })

test('every function is checked here', () => {
  const all = Object.entries(modules).flatMap(([m, fns]) => Object.keys(fns).map(f => m + '.' + f)).sort()
  expect([...new Set(uses.map(([m, f]) => m + '.' + f))].sort()).toEqual(all)
})

test.each(uses)('%s.%s calls an endpoint the hub serves', async (module, fn, args) => {
  await modules[module][fn](...args)
  expect(calls).toHaveLength(1)
  expect(endpointFor(served, calls[0]), `${calls[0].method} ${calls[0].path}`).toBeDefined()
})

test('every page is offered only to roles the hub lets call what the page calls', async () => {
  const endpointsOf = {}
  for (const [module, fn, args] of uses) {
    calls.length = 0
    await modules[module][fn](...args)
    endpointsOf[module + '.' + fn] = [endpointFor(served, calls[0])]
  }
  expect(offeredBeyondTheServer({
    main: readFileSync(new URL('../main.js', import.meta.url), 'utf8'),
    readPage: file => readFileSync(new URL('../pages/' + file, import.meta.url), 'utf8'),
    endpointsOf
  })).toEqual([])
})
