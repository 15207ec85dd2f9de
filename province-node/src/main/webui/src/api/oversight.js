// Oversight (P11, P12, P13): risk flags, public reports, the negative list, notices, the ledger and the audit trail.
import { api } from '@shared/api.js'
import { LIST, XLSX, seg } from './path.js'

export const riskFlagApi = {
  /** filters: q (a USCC, or part of a name or invoice number), from and to (days raised) */
  withStatus: (status, filters = {}) => api.get('/operator/risk-flags', { ...filters, status, limit: LIST }),
  exportXlsx: filters => api.file('/operator/risk-flags/export', filters, XLSX),
  /** verb: confirm | clear */
  decide: (id, verb, reason) => api.post(`/operator/risk-flags/${seg(id)}/${verb}`, { reason })
}

export const reportApi = {
  file: report => api.post('/public/reports', report),
  /** filters: q (the subject, part of its name, words of the report), from and to (days received) */
  withStatus: (status, filters = {}) => api.get('/operator/reports', { ...filters, status, limit: LIST }),
  exportXlsx: filters => api.file('/operator/reports/export', filters, XLSX),
  triage: (id, triage) => api.post(`/operator/reports/${seg(id)}/triage`, triage)
}

export const negativeListApi = {
  here: () => api.get('/public/negative-list'),
  yrd: () => api.get('/public/yrd-negative-list'),
  operator: () => api.get('/operator/negative-list'),
  list: entry => api.post('/operator/negative-list', entry),
  end: (id, reason) => api.post(`/operator/negative-list/${seg(id)}/end`, { reason }),
  confirmEnd: id => api.post(`/operator/negative-list/${seg(id)}/end/confirm`)
}

export const noticeApi = {
  published: () => api.get('/public/notices'),
  operator: () => api.get('/operator/notices'),
  publish: notice => api.post('/operator/notices', notice),
  withdraw: (id, reason) => api.post(`/operator/notices/${seg(id)}/withdraw`, { reason })
}

export const ledgerApi = {
  /** query: { year, pool } or none for the current year */
  balance: query => api.get('/operator/ledger/balance', query)
}

export const auditApi = {
  list: query => api.get('/operator/audit', { ...query, limit: 200 }),
  exportXlsx: query => api.file('/operator/audit/export', query, XLSX),
  verify: () => api.get('/operator/audit/verify')
}
