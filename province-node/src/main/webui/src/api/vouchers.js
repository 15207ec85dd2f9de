// Vouchers (P1, P4, P6): applications, the vouchers issued, the draws where applications exceed the budget, and
// the public list of recipients.
import { api } from '@shared/api.js'
import { LIST, XLSX, seg } from './path.js'

export const voucherApi = {
  of: uscc => api.get(`/enterprises/${seg(uscc)}/vouchers`),
  applicationsOf: uscc => api.get(`/enterprises/${seg(uscc)}/applications`),
  apply: (uscc, amountFen) => api.post(`/enterprises/${seg(uscc)}/applications`, { amountFen }),
  /** filters: q (a USCC or part of a name), from and to (days applied) */
  pendingApplications: (filters = {}) => api.get('/operator/applications/pending', { ...filters, limit: LIST }),
  exportPending: filters => api.file('/operator/applications/pending/export', filters, XLSX),
  /** verb: approve | reject */
  decideApplication: (id, verb, reason) => api.post(`/operator/applications/${seg(id)}/${verb}`, { reason }),
  recipients: () => api.get('/public/recipients')
}

export const drawApi = {
  list: () => api.get('/public/draws'),
  one: id => api.get(`/public/draws/${seg(id)}`),
  open: opensOn => api.post('/operator/draws', { opensOn }),
  run: id => api.post(`/operator/draws/${seg(id)}/run`)
}
