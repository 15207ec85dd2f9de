// The node console's API layer: every function of every feature module calls an endpoint the node serves (the access
// matrix EndpointAccessTest writes into docs/security.md from the running app), with ids and USCCs encoded as one
// path segment; and no function is left out of this check.
import { beforeEach, expect, test, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { accessMatrix, endpointFor, offeredBeyondTheServer } from '@shared/accessMatrix.js'

const calls = []
vi.mock('@shared/api.js', () => ({
  api: {
    get: (path, query) => { calls.push({ method: 'GET', path, data: query }); return Promise.resolve([]) },
    post: (path, body) => { calls.push({ method: 'POST', path, data: body }); return Promise.resolve({}) },
    file: (path, query) => { calls.push({ method: 'GET', path, data: query }); return Promise.resolve(new Blob()) }
  }
}))

const { redemptionApi } = await import('./redemptions.js')
const { voucherApi, drawApi } = await import('./vouchers.js')
const { enterpriseApi, providerApi } = await import('./parties.js')
const { riskFlagApi, reportApi, negativeListApi, noticeApi, ledgerApi, auditApi } = await import('./oversight.js')
const { policyApi, policyInForce, policyChanged } = await import('./policy.js')
const { accountApi } = await import('./accounts.js')
const { notificationApi } = await import('./notifications.js')

const modules = { redemptionApi, voucherApi, drawApi, enterpriseApi, providerApi, riskFlagApi, reportApi, negativeListApi,
  noticeApi, ledgerApi, auditApi, policyApi, accountApi, notificationApi }

const served = accessMatrix('node')

const U = '91330106DEM000002Q'
const ID = '3f2b8c1e-9d4a-4e7b-8a2c-5d6e7f8a9b0c'
// each function with the arguments a page gives it
const uses = [
  ['redemptionApi', 'withStatus', ['FILED']], ['redemptionApi', 'search', [{ status: 'FILED', q: 'FP-1', from: '2026-01-01' }]],
  ['redemptionApi', 'exportXlsx', [{ q: 'x' }]], ['redemptionApi', 'approvalSheet', [ID]],
  ['redemptionApi', 'paymentSheet', ['2026-12-01']], ['redemptionApi', 'riskFlags', [ID]],
  ['redemptionApi', 'decide', [ID, 'approve', 'ok']], ['redemptionApi', 'decide', [ID, 'reject', 'no']],
  ['redemptionApi', 'pay', [ID, 'BANK-1']], ['redemptionApi', 'ofEnterprise', [U]], ['redemptionApi', 'file', [U, {}]],
  ['redemptionApi', 'rate', [U, ID, 5, null]], ['redemptionApi', 'ofProvider', [U]], ['redemptionApi', 'incoming', [U]],
  ['redemptionApi', 'answer', [U, 'local', ID, 'confirm']], ['redemptionApi', 'answer', [U, 'local', ID, 'dispute', { reason: 'x' }]],
  ['redemptionApi', 'answer', [U, 'incoming', ID, 'confirm']], ['redemptionApi', 'answer', [U, 'incoming', ID, 'dispute', { reason: 'x' }]],
  ['voucherApi', 'of', [U]], ['voucherApi', 'applicationsOf', [U]], ['voucherApi', 'apply', [U, 100]],
  ['voucherApi', 'pendingApplications', []], ['voucherApi', 'pendingApplications', [{ q: 'x', from: '2026-01-01', to: '2026-12-31' }]],
  ['voucherApi', 'exportPending', [{ q: 'x' }]], ['voucherApi', 'decideApplication', [ID, 'approve', 'ok']],
  ['voucherApi', 'decideApplication', [ID, 'reject', 'no']], ['voucherApi', 'recipients', []],
  ['drawApi', 'list', []], ['drawApi', 'one', [ID]], ['drawApi', 'open', ['2026-12-01']], ['drawApi', 'run', [ID]],
  ['enterpriseApi', 'one', [U]], ['enterpriseApi', 'register', [{}]], ['enterpriseApi', 'mandates', [U]],
  ['enterpriseApi', 'grant', [U, {}]], ['enterpriseApi', 'revoke', [U, ID, 'x']], ['enterpriseApi', 'mandatesOfAgent', [U]],
  ['providerApi', 'one', [U]], ['providerApi', 'register', [{}]], ['providerApi', 'withStatus', ['APPLIED']], ['providerApi', 'withStatus', ['', { q: 'x' }]],
  ['providerApi', 'exportXlsx', [{ q: 'x' }]],
  ['providerApi', 'history', [U]], ['providerApi', 'decide', [U, 'admit', 'ok']], ['providerApi', 'here', []], ['providerApi', 'yrd', []],
  ['riskFlagApi', 'withStatus', ['OPEN']], ['riskFlagApi', 'withStatus', ['OPEN', { q: 'x', from: '2026-01-01' }]],
  ['riskFlagApi', 'exportXlsx', [{ status: 'OPEN', q: 'x' }]], ['riskFlagApi', 'decide', [ID, 'confirm', 'x']], ['riskFlagApi', 'decide', [ID, 'clear', 'x']],
  ['reportApi', 'file', [{}]], ['reportApi', 'withStatus', ['RECEIVED']], ['reportApi', 'withStatus', ['RECEIVED', { q: 'x' }]],
  ['reportApi', 'exportXlsx', [{ status: 'RECEIVED' }]], ['reportApi', 'triage', [ID, {}]],
  ['negativeListApi', 'here', []], ['negativeListApi', 'yrd', []], ['negativeListApi', 'operator', []],
  ['negativeListApi', 'list', [{}]], ['negativeListApi', 'end', [ID, 'x']], ['negativeListApi', 'confirmEnd', [ID]],
  ['noticeApi', 'published', []], ['noticeApi', 'operator', []], ['noticeApi', 'publish', [{}]], ['noticeApi', 'withdraw', [ID, 'x']],
  ['ledgerApi', 'balance', []], ['ledgerApi', 'balance', [{ year: 2026, pool: 'ALL' }]],
  ['auditApi', 'list', [{}]], ['auditApi', 'exportXlsx', [{ action: 'redemption.paid' }]], ['auditApi', 'verify', []],
  ['policyApi', 'versions', []], ['policyApi', 'drafts', []], ['policyApi', 'propose', [{}]], ['policyApi', 'confirm', [ID]],
  ['accountApi', 'mine', []], ['accountApi', 'request', [{}]], ['accountApi', 'queue', ['PENDING']],
  ['accountApi', 'decide', [ID, 'confirm', 'ok']], ['accountApi', 'decide', [ID, 'reject', 'no']],
  ['notificationApi', 'mine', [true]], ['notificationApi', 'unread', []], ['notificationApi', 'read', [ID]],
  ['notificationApi', 'readAll', []], ['notificationApi', 'settings', []], ['notificationApi', 'change', [{ email: false }]]
]

beforeEach(() => { calls.length = 0 })

test('every function of every module is checked here', () => {
  const all = Object.entries(modules).flatMap(([m, fns]) => Object.keys(fns).map(f => m + '.' + f)).sort()
  expect([...new Set(uses.map(([m, f]) => m + '.' + f))].sort()).toEqual(all)
})

test.each(uses)('%s.%s calls an endpoint the node serves', async (module, fn, args) => {
  await modules[module][fn](...args)
  expect(calls).toHaveLength(1)
  expect(endpointFor(served, calls[0]), `${calls[0].method} ${calls[0].path}`).toBeDefined()
})

test('an id or USCC is one path segment, whatever it holds', async () => {
  await redemptionApi.decide('../../public/x?y=1', 'approve', 'ok')
  expect(calls[0].path).toBe('/operator/redemptions/..%2F..%2Fpublic%2Fx%3Fy%3D1/approve')
})

test('the policy in force is read once and again after a change', async () => {
  await Promise.all([policyInForce(), policyInForce()])
  expect(calls).toEqual([{ method: 'GET', path: '/public/policy', data: undefined }])
  policyChanged()
  await policyInForce()
  expect(calls).toHaveLength(2)
})

/**
 * A page is offered (route and menu, main.js) only to roles the server lets call every endpoint the page calls: the
 * console never shows someone a page or button whose answer would be 403. Pages name the API functions they call, and
 * an action a page shows only to some of its roles names them with hasRole([ROLES.…]).
 */
test('every page is offered only to roles the node lets call what the page calls', async () => {
  const endpointsOf = {}
  for (const [module, fn, args] of uses) {
    calls.length = 0
    await modules[module][fn](...args)
    endpointsOf[module + '.' + fn] = [...(endpointsOf[module + '.' + fn] || []), endpointFor(served, calls[0])]
  }
  expect(offeredBeyondTheServer({
    main: readFileSync(new URL('../main.js', import.meta.url), 'utf8'),
    readPage: file => readFileSync(new URL('../pages/' + file, import.meta.url), 'utf8'),
    endpointsOf
  })).toEqual([])
})

