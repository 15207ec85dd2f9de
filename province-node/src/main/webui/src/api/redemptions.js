// Redemptions (P6, P7, P9, P11, P13): the enterprise files and follows them, the provider confirms or disputes them
// (those of other provinces arrive as incoming requests), the operator decides them and finance pays them.
import { api } from '@shared/api.js'
import { LIST, XLSX, seg } from './path.js'

export const redemptionApi = {
  // the operator's and finance's work queues
  withStatus: status => api.get('/operator/redemptions', { status, limit: LIST }),
  /** filters: status, q (a USCC, or part of a name, invoice or contract number), from and to (filing days) */
  search: filters => api.get('/operator/redemptions', { ...filters, limit: LIST }),
  exportXlsx: filters => api.file('/operator/redemptions/export', filters, XLSX),
  /** the A4 approval sheet (PDF) of one redemption, and of one day's payments (yyyy-MM-dd) */
  approvalSheet: id => api.file(`/operator/redemptions/${seg(id)}/approval-sheet`, {}, 'application/pdf'),
  paymentSheet: day => api.file('/operator/payments/sheet', { day }, 'application/pdf'),
  riskFlags: id => api.get(`/operator/redemptions/${seg(id)}/risk-flags`),
  /** verb: approve | reject */
  decide: (id, verb, reason) => api.post(`/operator/redemptions/${seg(id)}/${verb}`, { reason }),
  pay: (id, paymentReference) => api.post(`/operator/redemptions/${seg(id)}/pay`, { paymentReference }),
  // the enterprise's
  ofEnterprise: uscc => api.get(`/enterprises/${seg(uscc)}/redemptions`, { limit: LIST }),
  file: (uscc, filing) => api.post(`/enterprises/${seg(uscc)}/redemptions`, filing),
  rate: (uscc, id, score, comment) => api.post(`/enterprises/${seg(uscc)}/redemptions/${seg(id)}/rating`, { score, comment }),
  // the provider's: kind 'local' (filed here) or 'incoming' (from another province); verb: confirm | dispute
  ofProvider: uscc => api.get(`/providers/${seg(uscc)}/redemptions`, { limit: LIST }),
  incoming: uscc => api.get(`/providers/${seg(uscc)}/incoming-redemptions`, { limit: LIST }),
  answer: (uscc, kind, id, verb, body) =>
    api.post(`/providers/${seg(uscc)}/${kind === 'local' ? 'redemptions' : 'incoming-redemptions'}/${seg(id)}/${verb}`, body)
}
