// The hub's API as the task group's console and the public pages call it: YRD-wide statistics (P8, P10), the
// reconciliation of the nodes' ledgers, provider reports, risk per rule (P13), and the YRD lists anyone may read.
import { api } from '@shared/api.js'

const seg = value => encodeURIComponent(String(value))

export const statisticsApi = {
  provinces: year => api.get('/taskgroup/provinces', { year }),
  flows: year => api.get('/taskgroup/flows', { year }),
  categories: year => api.get('/taskgroup/categories', { year }),
  timeToRedemption: year => api.get('/taskgroup/time-to-redemption', { year }),
  topProviders: (year, limit = 20) => api.get('/taskgroup/top-providers', { limit, year }),
  cities: year => api.get('/taskgroup/cities', { year }),
  exportCsv: () => api.text('/taskgroup/export.csv', {}, 'text/csv'),
  /** P8: the year's report, as a workbook or as an A4 PDF with charts */
  annualXlsx: year => api.file('/taskgroup/annual-report.xlsx', { year }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  annualPdf: year => api.file('/taskgroup/annual-report.pdf', { year }, 'application/pdf'),
  reconciliation: () => api.get('/taskgroup/reconciliation'),
  provenanceRefusals: () => api.get('/taskgroup/provenance-refusals'),
  riskRules: () => api.get('/taskgroup/risk-rules')
}

export const providerReportApi = {
  /** query: { year, province } */
  list: query => api.get('/taskgroup/provider-reports', query),
  csv: query => api.text('/taskgroup/provider-reports.csv', query, 'text/csv'),
  /** the public report of one provider (P12) */
  one: (uscc, year) => api.get(`/public/provider-reports/${seg(uscc)}`, { year })
}

export const publicApi = {
  notices: () => api.get('/public/notices'),
  qualityLibrary: () => api.get('/public/quality-library'),
  providers: () => api.get('/public/providers'),
  negativeList: () => api.get('/public/negative-list')
}
