// The parties: enterprises and their service-point mandates (P9), providers and their admission (P5, P14), here and
// YRD-wide.
import { api } from '@shared/api.js'
import { LIST, XLSX, seg } from './path.js'

export const enterpriseApi = {
  one: uscc => api.get(`/enterprises/${seg(uscc)}`),
  register: enterprise => api.post('/enterprises', enterprise),
  mandates: uscc => api.get(`/enterprises/${seg(uscc)}/mandates`),
  grant: (uscc, mandate) => api.post(`/enterprises/${seg(uscc)}/mandates`, mandate),
  revoke: (uscc, id, reason) => api.post(`/enterprises/${seg(uscc)}/mandates/${seg(id)}/revoke`, { reason }),
  mandatesOfAgent: uscc => api.get(`/agents/${seg(uscc)}/mandates`)
}

export const providerApi = {
  one: uscc => api.get(`/providers/${seg(uscc)}`),
  register: provider => api.post('/providers', provider),
  /** filters: q (a USCC or part of a name), from and to (days applied) */
  withStatus: (status, filters = {}) => api.get('/operator/providers', { ...filters, status, limit: LIST }),
  exportXlsx: filters => api.file('/operator/providers/export', filters, XLSX),
  history: uscc => api.get(`/operator/providers/${seg(uscc)}/history`),
  /** verb: the admission step the operator's button names (admit, reject, suspend, …) */
  decide: (uscc, verb, reason) => api.post(`/operator/providers/${seg(uscc)}/${verb}`, { reason }),
  here: () => api.get('/public/providers'),
  yrd: () => api.get('/public/yrd-providers')
}
