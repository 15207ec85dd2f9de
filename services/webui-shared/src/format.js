// Money is integer fen everywhere (never a float sum): shown as yuan with two decimals, to the fen.
import { i18n } from './i18n.js'

export function yuan(fen) {
  if (fen === null || fen === undefined) return '—'
  const negative = fen < 0
  const abs = Math.abs(Number(fen))
  const whole = Math.floor(abs / 100).toLocaleString('en-US')
  const cents = String(abs % 100).padStart(2, '0')
  return (negative ? '-' : '') + '¥' + whole + '.' + cents
}

/** Yuan typed in a form (e.g. "12000.5") as integer fen, or null if it is not an amount. */
export function toFen(text) {
  const m = String(text ?? '').trim().match(/^(\d+)(?:\.(\d{1,2}))?$/)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'))
}

export function when(iso) {
  if (!iso) return '—'
  const d = new Date(iso)
  return d.toLocaleString(i18n.global.locale.value === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
}

/** A waiting time in days, hours or minutes, in the reader's language. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—'
  const en = i18n.global.locale.value === 'en'
  const s = Math.max(0, Math.round(seconds))
  if (s >= 86400) return (s / 86400).toFixed(1) + (en ? ' d' : ' 天')
  if (s >= 3600) return (s / 3600).toFixed(1) + (en ? ' h' : ' 小时')
  return Math.max(1, Math.round(s / 60)) + (en ? ' min' : ' 分钟')
}

export function since(fromIso, toIso) {
  if (!fromIso) return null
  return ((toIso ? new Date(toIso) : new Date()) - new Date(fromIso)) / 1000
}

export function percent(x) {
  return x === null || x === undefined ? '—' : (x * 100).toFixed(2) + ' %'
}
