// The API client: the caller's language, the bearer token, an idempotency key per submission, and problem+json
// answers turned into errors that name each field and rule.
import { bearer, session, signIn } from './auth.js'
import { ref } from 'vue'
import { i18n } from './i18n.js'

export class ApiError extends Error {
  constructor(status, problem) {
    super(ApiError.describe(status, problem))
    this.status = status
    this.problem = problem
  }

  static describe(status, problem) {
    if (!problem) return 'HTTP ' + status
    const fields = (problem.violations || []).map(v => v.field + ': ' + v.message)
    return [problem.detail || problem.title, ...fields].filter(Boolean).join('；')
  }
}

function url(path, query) {
  const u = new URL('/api/v1' + path, window.location.origin)
  Object.entries(query || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') u.searchParams.set(k, v)
  })
  return u
}

// One submission, one Idempotency-Key: a second click while the first is on its way gets the first's answer
// instead of sending again, and a submission sent again after a lost connection or a server error keeps its key, so
// the server applies it once. The key is forgotten once the server has answered for good (2xx or 4xx).
const submissions = new Map()
export const sending = ref(0)

async function post(path, body) {
  const id = path + '\u0000' + JSON.stringify(body === undefined ? null : body)
  let s = submissions.get(id)
  if (s && s.inFlight) return s.inFlight
  if (!s) {
    s = { key: crypto.randomUUID(), inFlight: null }
    submissions.set(id, s)
  }
  sending.value++
  s.inFlight = send(s.key, path, body).then(result => {
    submissions.delete(id)
    return result
  }, e => {
    if (e instanceof ApiError && e.status < 500) submissions.delete(id)
    else s.inFlight = null
    throw e
  }).finally(() => { sending.value-- })
  return s.inFlight
}

/** Sends a submission, once more after a lost connection (same key): the server answers a repeat with its first answer. */
async function send(key, path, body) {
  try {
    return await call('POST', path, { body, key })
  } catch (e) {
    if (e instanceof ApiError) throw e
    await new Promise(resolve => setTimeout(resolve, 1000))
    return call('POST', path, { body, key })
  }
}

async function call(method, path, { body, query, accept, key, blob } = {}) {
  const headers = { 'Accept-Language': i18n.global.locale.value, Accept: accept || 'application/json' }
  const auth = bearer()
  if (auth) headers.Authorization = auth
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (key) headers['Idempotency-Key'] = key
  const res = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  if (res.status === 401 && session.user) {
    await signIn()
  }
  if (!res.ok) {
    const problem = (res.headers.get('Content-Type') || '').includes('json') ? await res.json().catch(() => null) : null
    throw new ApiError(res.status, problem)
  }
  if (res.status === 204) return null
  if (blob) return res.blob()
  return (res.headers.get('Content-Type') || '').includes('json') ? res.json() : res.text()
}

export const api = {
  get: (path, query) => call('GET', path, { query }),
  post,
  text: (path, query, accept) => call('GET', path, { query, accept }),
  /** A file the server makes (an Excel workbook): its bytes, to save with saveFile */
  file: (path, query, accept) => call('GET', path, { query, accept, blob: true })
}

/** Offers bytes the server made as a file to save. */
export function saveFile(name, blob) {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  a.click()
  URL.revokeObjectURL(a.href)
}

/** Offers text as a file to save (CSV for the bank, the task group's export). */
export function download(name, text, type = 'text/csv;charset=utf-8') {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob(['\ufeff' + text], { type }))
  a.download = name
  a.click()
  URL.revokeObjectURL(a.href)
}
