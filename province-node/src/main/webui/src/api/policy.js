// The province's policy in force (GET /api/v1/public/policy), read once and shared by every page that shows it or
// computes with it; an operator who confirms a new version makes the next read fetch it again.
import { api } from '@shared/api.js'
import { seg } from './path.js'

let inForce = null

export function policyInForce () {
  if (!inForce) {
    inForce = api.get('/public/policy').catch(e => {
      inForce = null // not kept: the next page asks again
      throw e
    })
  }
  return inForce
}

export function policyChanged () {
  inForce = null
}

/** The maker–checker of policy versions (P13): one operator proposes a draft, another confirms it. */
export const policyApi = {
  versions: () => api.get('/operator/policy/versions'),
  drafts: () => api.get('/operator/policy/drafts'),
  propose: draft => api.post('/operator/policy/drafts', draft),
  confirm: id => api.post(`/operator/policy/drafts/${seg(id)}/confirm`)
}
