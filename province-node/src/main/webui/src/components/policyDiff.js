// A policy as flat "path: value" lines, so two versions can be set side by side field by field.
export function flatten(value, prefix = '', out = {}) {
  if (Array.isArray(value)) {
    if (value.every(v => v === null || typeof v !== 'object')) {
      out[prefix] = [...value].sort().join(', ')
    } else {
      value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out))
    }
  } else if (value && typeof value === 'object') {
    Object.keys(value).sort().forEach(k => flatten(value[k], prefix ? `${prefix}.${k}` : k, out))
  } else {
    out[prefix] = value === null || value === undefined ? '' : String(value)
  }
  return out
}

export function compare(left, right) {
  const a = flatten(left || {})
  const b = flatten(right || {})
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    .map(field => ({ field, left: a[field] ?? '', right: b[field] ?? '', changed: (a[field] ?? '') !== (b[field] ?? '') }))
}
