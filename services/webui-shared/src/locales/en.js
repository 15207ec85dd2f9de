// The texts every console shares, in English; the same keys as zh-CN.js (localeCheck.js).
export default {
  app: { language: '中文', signIn: 'Sign in', signInGov: 'Sign in with the government identity', signOut: 'Sign out', signedInAs: 'Signed in as', public: 'Public disclosure',
    forbidden: 'You may not open this page', forbiddenDetail: 'This account ({roles}) cannot use this page. Sign in with an account that has the role it needs.',
    signInNeeded: 'This page needs you to sign in', signInDetail: "Sign in with your province's account.", notFound: 'No such page',
    loading: 'Loading…', empty: 'Nothing yet', exportXlsx: 'Export to Excel', dayFrom: 'From', dayTo: 'Until', refresh: 'Refresh', search: 'Search', reset: 'Reset', submit: 'Submit',
    cancel: 'Cancel', confirm: 'Confirm', actions: 'Actions', reason: 'Reason', reasonRequired: 'Give a reason', done: 'Done',
    yes: 'Yes', no: 'No', all: 'All', export: 'Export CSV', details: 'Details', back: 'Back', close: 'Close',
    noAuthority: 'This service has no sign-in configured; only public pages are available.' },
  field: { uscc: 'Unified social credit code', name: 'Name', province: 'Province', category: 'Category', categories: 'Categories',
    status: 'Status', amount: 'Amount', time: 'Time', year: 'Year', enterprise: 'Enterprise', provider: 'Provider',
    createdAt: 'Filed', reason: 'Reason', qualifications: 'Qualifications', payee: 'Payee', district: 'District', nameOrUscc: 'Name or code' },
  quarantine: { intro: 'Records refused from the federation: malformed, from the wrong sender or signature, with a field out of bounds, or not allowed from the state held. None took effect; they are kept here to be looked at, and the same record arriving again only counts up.',
    none: 'Nothing refused', newer: 'Newer', older: 'Older', last: 'Last arrived', channel: 'Channel', reason: 'Reason', detail: 'Detail', event: 'Event', times: 'Times',
    reasons: { OVERSIZED: 'Too large', MALFORMED: 'Malformed', ENVELOPE: 'Bad envelope', WRONG_SOURCE: 'Wrong sender', UNKNOWN_TYPE: 'Unknown type', SIGNATURE: 'Bad signature',
      PAYLOAD: 'Field out of bounds', PROVENANCE: 'Not its own', TRANSITION: 'Not allowed now', UNAPPLICABLE: 'Could not apply' } },
  province: { SH: 'Shanghai', JS: 'Jiangsu', ZJ: 'Zhejiang', AH: 'Anhui' },
  party: { ENTERPRISE: 'Enterprise', PROVIDER: 'Provider' },
  notice: { feed: 'Subscribe:', yrdWide: 'YRD', expenditure: 'Expenditure', voucherAmount: 'Voucher amount', kind: { NOTICE: 'Notice', CASE: 'Typical case' } },
  negative: { kind: 'Kind', listedBy: 'Listed by', from: 'From', until: 'Until', open: 'Open-ended', local: "This province's negative list", yrd: 'YRD-wide negative list (shared by every province)' },
  category: {
    RESEARCH_AND_DEVELOPMENT: 'R&D', TESTING_INSPECTION_CERTIFICATION: 'Testing, inspection, certification',
    TECHNOLOGY_TRANSFER: 'Technology transfer', INTELLECTUAL_PROPERTY: 'Intellectual property', SCI_TECH_CONSULTING: 'S&T consulting',
    SCI_TECH_FINANCE: 'S&T finance', STARTUP_INCUBATION: 'Start-up incubation', SCI_TECH_LITERATURE: 'S&T literature',
    SCIENTIFIC_DATA: 'Scientific data', SCI_TECH_REPORTS: 'S&T reports', LABORATORY_ANIMALS: 'Laboratory animals',
    BIOLOGICAL_GERMPLASM: 'Biological germplasm', RESEARCH_REAGENTS: 'Research reagents', INDUSTRIAL_DESIGN: 'Industrial design', SCI_TECH_TRAINING: 'S&T training'
  }
}
