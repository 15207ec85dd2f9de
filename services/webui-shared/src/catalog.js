// The programme's fixed list of provinces, as the API spells them, and the categories found among providers.
export const PROVINCES = ['SH', 'JS', 'ZJ', 'AH']

/** The categories of the providers listed, in a stable order: a filter offers only choices that find someone. */
export function categoriesOf(providers) {
  return [...new Set(providers.flatMap(p => p.categories))].sort()
}
