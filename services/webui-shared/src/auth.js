// Sign-in: OIDC authorization code with PKCE (S256) at the realm the app itself trusts, which it names at
// /api/v1/public/console. Tokens stay in this tab's sessionStorage; the API is called with the access token.
import { reactive } from 'vue'
import { UserManager, WebStorageStateStore } from 'oidc-client-ts'

export const session = reactive({ ready: false, user: null, name: '', roles: [], province: null, uscc: null, error: null,
  governmentIdentity: '' })
let manager = null

function claims(accessToken) {
  const part = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
  const bytes = Uint8Array.from(atob(part), c => c.charCodeAt(0))
  return JSON.parse(new TextDecoder().decode(bytes))
}

function take(user) {
  if (!user || user.expired) {
    Object.assign(session, { user: null, name: '', roles: [], province: null, uscc: null })
    return
  }
  const c = claims(user.access_token)
  Object.assign(session, {
    user,
    name: c.name || c.preferred_username || c.sub,
    // every new account of a province realm holds "applicant" (docs/security.md "Accounts"); one that acts for a
    // company already has nothing to ask for
    roles: ((c.realm_access && c.realm_access.roles) || []).filter(r => !(r === 'applicant' && c.uscc)),
    province: c.province || null,
    uscc: c.uscc || null
  })
}

function here() {
  return window.location.origin + window.location.pathname
}

export async function startSession() {
  try {
    const settings = await fetch('/api/v1/public/console').then(r => r.json())
    if (settings.authority) {
      session.governmentIdentity = settings.governmentIdentity || ''
      manager = new UserManager({
        authority: settings.authority,
        client_id: settings.clientId,
        redirect_uri: here(),
        post_logout_redirect_uri: here(),
        response_type: 'code',
        scope: 'openid',
        automaticSilentRenew: true,
        userStore: new WebStorageStateStore({ store: window.sessionStorage })
      })
      manager.events.addUserLoaded(take)
      manager.events.addUserUnloaded(() => take(null))
      manager.events.addAccessTokenExpired(() => take(null))
      const query = new URLSearchParams(window.location.search)
      if (query.has('code') && query.has('state')) {
        const user = await manager.signinRedirectCallback()
        window.history.replaceState(null, '', here() + ((user.state && user.state.hash) || '#/'))
      } else if (query.has('error') && query.has('state')) {
        window.history.replaceState(null, '', here() + '#/')
      }
      take(await manager.getUser())
    }
  } catch (e) {
    session.error = String(e && e.message ? e.message : e)
  }
  session.ready = true
}

export function hasRole(roles) {
  return !roles || roles.some(r => session.roles.includes(r))
}

export function signIn(hash) {
  if (!manager) return Promise.resolve()
  return manager.signinRedirect({ state: { hash: hash || window.location.hash || '#/' } })
}

/** Signs in through the government's legal-person identity platform, straight past the realm's own sign-in page. */
export function signInWithGovernment(hash) {
  if (!manager || !session.governmentIdentity) return Promise.resolve()
  return manager.signinRedirect({ state: { hash: hash || window.location.hash || '#/' },
    extraQueryParams: { kc_idp_hint: session.governmentIdentity } })
}

export async function signOut() {
  if (!manager) return
  const user = session.user
  await manager.removeUser()
  take(null)
  await manager.signoutRedirect({ id_token_hint: user && user.id_token })
}

export function bearer() {
  return session.user ? 'Bearer ' + session.user.access_token : null
}
