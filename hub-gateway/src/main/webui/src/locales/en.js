// The task group console's texts in English; the same keys as zh-CN.js (locales.test.js checks). Common ones:
// webui-shared/src/locales.
export default {
  title: 'YRD Innovation Vouchers · Joint platform',
  group: { public: 'Public disclosure', taskgroup: 'Joint task group' },
  menu: { catalogue: 'Recognised providers', negativeList: 'YRD negative list', notices: 'Notices and cases', qualityLibrary: 'High-quality library',
    providerReport: 'Provider report', dashboard: 'Dashboard', reconciliation: 'Reconciliation and provenance', cities: 'Cities', risk: 'Risk rules', providerReports: 'Provider reports', quarantine: 'Refused records' },
  catalogue: { count: '{n} providers', services: 'Services', rating: 'Rating', otherProvinces: 'Other provinces', quality: 'Quality', qualityTag: 'High quality' },
  quality: { criteria: 'Criteria', minServices: 'Services at least', minRatings: 'Ratings at least', minAverage: 'Average rating at least', crossRegion: 'Served another province', members: 'Members', since: 'Since' },
  report: { services: 'Services', enterprises: 'Enterprises served', amount: 'Amount', crossRegion: 'Cross-region (count · amount)' },
  totals: { issuedFen: 'Issued', heldFen: 'Held', redeemedFen: 'Redeemed', expiredFen: 'Expired', budgetFen: 'Budget' },
  recon: { node: 'node:', matches: 'Matches', refusals: 'Events refused for their provenance', source: 'Source', type: 'Type' },
  cities: { city: 'City', vouchers: 'Vouchers', paid: 'Paid' },
  risk: { ruleTitle: 'Rule', raised: 'Raised', open: 'Open', confirmed: 'Confirmed', cleared: 'Cleared',
    SPLIT_PURCHASE: 'Split purchase', RELATED_PARTY: 'Related party', CONCENTRATION: 'Concentration', CONTRACT_DUPLICATE: 'Contract duplicate' },
  units: { yuan: 'yuan', days: 'days' },
  dash: {
    annualPdf: 'Annual report (PDF)', annualXlsx: 'Annual report (Excel)',
    allProvinces: 'All provinces', allYears: 'All years', budgetUse: 'Budget used', issuingProvince: 'Issuing province', providerProvince: "Provider's province", issuing: '{p} (issuing)', serving: '{p} (serving)',
    heatmap: 'Cross-region redemptions (amount)', sankey: 'Where voucher money flows', budget: 'Budget use per province', categories: 'Categories', time: 'Filing to payment', redemptions: 'Redemptions',
    band: { d1: 'within a day', d3: '1–3 days', d7: '3–7 days', d14: '1–2 weeks', d30: '2 weeks–a month', longer: 'over a month' },
    top: 'Top providers', flowTable: 'Flows',
    kpi: { issuedFen: 'Issued', redeemedFen: 'Redeemed', heldFen: 'Held', expiredFen: 'Expired', budgetUse: 'Budget used', crossShare: 'Cross-region share', paidCount: 'Paid redemptions' }
  }
}
