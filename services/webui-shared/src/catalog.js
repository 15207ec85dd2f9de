// The programme's fixed list of provinces, as the API spells them, and the categories found among providers.
export const PROVINCES = ['SH', 'JS', 'ZJ', 'AH']

/** The categories of the providers listed, in a stable order: a filter offers only choices that find someone. */
export function categoriesOf(providers) {
  return [...new Set(providers.flatMap(p => p.categories))].sort()
}

/** The providers a filter of category, province and name (or code) lets through. */
export function filterProviders(providers, { category, province, name }) {
  return providers.filter(p => (!category || p.categories.includes(category))
    && (!province || p.homeProvince === province)
    && (!name || p.name.includes(name) || p.uscc.includes(name.toUpperCase())))
}
