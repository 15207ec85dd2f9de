// GB 32100-2015: the unified social credit code's check character, as the node checks it (voucher-policy Uscc),
// so that a form can say at once that a code was mistyped.
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function usccValid(code) {
  const c = String(code || '').toUpperCase()
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(c)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(c[i]) * WEIGHTS[i]
  return CHARS[(31 - (sum % 31)) % 31] === c[17]
}
