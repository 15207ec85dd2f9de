// Accounts a company registered itself: the request to act for a USCC, and the operators' queue that confirms it.
import { api } from '@shared/api.js'
import { LIST, seg } from './path.js'

export const accountApi = {
  mine: () => api.get('/account/binding'),
  request: binding => api.post('/account/binding', binding),
  queue: status => api.get('/operator/account-bindings', { status, limit: LIST }),
  /** verb: confirm | reject */
  decide: (id, verb, reason) => api.post(`/operator/account-bindings/${seg(id)}/${verb}`, { reason })
}
