// What the enterprise's forms show while they are filled in, computed as the node computes it (voucher-policy);
// the node decides, and says why if it decides otherwise.

/** P6: min(requested, balance, ratio × actual rounded down to the fen), never above the actual expenditure. */
export function voucherAmount(ratio, requestedFen, actualFen, availableFen) {
  if (!(requestedFen > 0) || !(actualFen > 0)) return 0
  const basisPoints = BigInt(Math.round(Number(ratio) * 10000))
  const byRatio = Number((BigInt(actualFen) * basisPoints) / 10000n)
  return Math.max(0, Math.min(requestedFen, availableFen, byRatio, actualFen))
}

/** P6 windows as MM-DD; none means all year. */
export function windowOpen(windows, today = new Date()) {
  if (!windows || !windows.length) return { open: true, draw: false }
  const md = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' }).format(today)
  const w = windows.find(x => (x.from <= x.to ? md >= x.from && md <= x.to : md >= x.from || md <= x.to))
  return w ? { open: true, draw: !!w.draw, window: w } : { open: false }
}

export function thisYear() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())
}
