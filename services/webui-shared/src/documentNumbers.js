// The identity of an invoice or contract number as the node compares it (voucher-policy DocumentNumbers.key, P3, P13):
// compatibility forms to plain (NFKC), upper case, without spaces, dashes, underscores, dots, middle dots, slashes or
// invisible format characters. The console shows it beside the number typed, so that a person sees that FP-77 and
// fp 77 are one invoice before the node says so.
const SEPARATORS = /[\s\p{Pd}\p{Cf}\p{Cc}\u2212_./\\\u00b7\u30fb]/gu

export function documentKey(number) {
  let key = String(number ?? '')
  for (let i = 0; i < 4; i++) {
    const next = key.normalize('NFKC').replace(SEPARATORS, '').toUpperCase()
    if (next === key) break
    key = next
  }
  return key
}
