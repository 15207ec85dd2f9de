// The node console's texts in English; the same keys as zh-CN.js (locales.test.js checks). Common ones:
// webui-shared/src/locales.
export default {
  title: 'YRD Innovation Vouchers · Province node',
  group: { public: 'Public disclosure', operator: 'Operations', finance: 'Finance', enterprise: 'Enterprise', provider: 'Provider', agent: 'Service point', account: 'My account', inbox: 'Messages' },
  menu: {
    policy: 'Policy and notices', providers: 'Providers', recipients: 'Voucher recipients', negativeList: 'Negative list', notices: 'Notices and cases',
    draws: 'Draws', report: 'Report abuse', operatorHome: 'Home', applications: 'Applications', redemptions: 'Redemptions', riskFlags: 'Risk flags',
    admissions: 'Provider admission', operatorNegativeList: 'Negative list', reports: 'Public reports', policyVersions: 'Policy versions', operatorDraws: 'Draws',
    operatorNotices: 'Publish notices', ledger: 'Ledger reconciliation', audit: 'Audit trail', quarantine: 'Refused records', payments: 'To pay', paid: 'Paid', enterpriseHome: 'My enterprise',
    apply: 'Apply for a voucher', vouchers: 'My vouchers', redeem: 'Redeem', myRedemptions: 'My redemptions', mandates: 'Service point mandates',
    providerHome: 'My organisation', requests: 'Confirm services', agentMandates: 'Enterprises', accounts: 'Account checks', account: 'Bind my company', notifications: 'Notifications'
  },
  account: { intro: 'An account you registered yourself acts for a company once bound to it: give its USCC, name and kind; an operator of the province checks its business licence and confirms. Until then the account can do nothing else. A company with the government legal-person identity signs out and uses "Sign in with the government identity" instead: no check needed.',
    kind: 'Kind', kinds: { ENTERPRISE: 'Enterprise', PROVIDER: 'Provider', SERVICE_POINT: 'Service point' }, submit: 'Ask for the check',
    pendingTitle: 'Waiting for the check', pendingDetail: 'The request for {name} ({uscc}) was sent on {at}; the account is ready once an operator of the province confirms it.',
    confirmedTitle: 'Confirmed', confirmedDetail: 'The account acts for {uscc}. Sign in again to act as the company.', signInAgain: 'Sign in again',
    rejected: 'The last request was rejected: {reason}. Correct it and send it again.', username: 'Account', confirm: 'Confirm', reject: 'Reject',
    status: { PENDING: 'Pending', CONFIRMED: 'Confirmed', REJECTED: 'Rejected' } },
  notifications: { unreadOnly: 'Unread only', readAll: 'Mark all read', email: 'E-mail notifications', noAddress: 'no e-mail address on the account', what: 'What',
    read: 'Read', markRead: 'Mark read', unreadLabel: 'Notifications, {n} unread' },
  mode: { PRE_SUBSIDY: 'Pre-subsidy (paid to the provider)', POST_SUBSIDY: 'Post-subsidy (paid to the enterprise)' },
  recipient: { TECH_SME: 'Tech SME', STARTUP_TEAM: 'Start-up team' },
  payee: { PROVIDER: 'Provider', ENTERPRISE: 'Enterprise' },
  policy: {
    intro: "{province}'s policy in force: version {version}, since {from}.", mode: 'Mode', ratio: 'Subsidy ratio', perApplicationCap: 'Cap per application',
    annualCap: 'Annual cap per enterprise', budget: 'Annual budget', validity: 'Validity', days: '{n} days', recipients: 'Who may apply', categories: 'Categories',
    windows: 'Application windows', allYear: 'All year', byDraw: 'by draw', reapply: 'Applying again', reapplyRule: 'Once {n}% of the vouchers held is used',
    autoApproval: 'Auto-approval threshold', pools: 'City and district pools'
  },
  providers: { local: "This province's providers", yrd: 'YRD catalogue (mutually recognised)', quality: 'Quality', qualityTag: 'High-quality library' },
  recipients: { issued: 'Issued', redeemed: 'Redeemed' },
  notices: {
    kind: 'Kind', title: 'Title', body: 'Text',
    publish: 'Publish', publishedAt: 'Published', withdraw: 'Withdraw', withdrawn: 'Withdrawn', yrdWideLong: 'Also publish YRD-wide at the hub'
  },
  draws: { window: 'Window', seed: 'Seed (published in advance)', announcedAt: 'Announced', entry: 'Application', opensOn: 'Window opens on', announce: 'Announce draw', run: 'Run draw', drawnAt: 'Drawn' },
  drawStatus: { ANNOUNCED: 'Announced', DRAWN: 'Drawn' },
  applicationStatus: { PENDING: 'Pending', APPROVED: 'Approved', REJECTED: 'Rejected', IN_DRAW: 'In draw', NOT_DRAWN: 'Not drawn' },
  report: {
    searchHint: 'Subject (USCC, name, redemption id) or words of the report',
    intro: 'Report a provider or enterprise misusing vouchers; anonymous, contact optional.', subjectKind: 'About', subject: 'Their code or redemption id',
    description: 'What happened', contact: 'Contact (optional)', redemption: 'Redemption', received: 'Report received', receipt: 'Receipt {id} ({at}); keep it.',
    receivedAt: 'Received', triage: 'Triage', outcome: 'Outcome', list: 'Put on the negative list'
  },
  reportStatus: { RECEIVED: 'Received', ACCEPTED: 'Accepted', DISMISSED: 'Dismissed', REFERRED: 'Referred' },
  budget: {
    title: 'Budget {year}', budgetFen: 'Budget', unissuedFen: 'Unissued', outstandingFen: 'Outstanding', heldFen: 'Held',
    redeemedFen: 'Redeemed', expiredFen: 'Expired', issuedFen: 'Issued', reconciles: 'Reconciles'
  },
  queues: { title: 'Queues', applications: 'Applications to decide', filed: 'Awaiting the provider', toApprove: 'Redemptions to decide', riskFlags: 'Open risk flags', reports: 'Reports to triage', admissions: 'Admissions to decide' },
  applications: { searchHint: 'Enterprise name or USCC', approve: 'Approve', reject: 'Reject', waiting: 'Waiting', policyVersion: 'Policy' },
  redemptions: { approve: 'Approve', reject: 'Reject', actual: 'Expenditure', voucherAmount: 'Voucher amount', waiting: 'Waiting',
    searchHint: 'Name, USCC, invoice or contract number', filedFrom: 'Filed from', filedTo: 'Filed until', approvalSheet: 'Print the approval sheet' },
  redemptionStatus: { FILED: 'Awaiting provider', PROVIDER_CONFIRMED: 'To decide', APPROVED: 'To pay', PAID: 'Paid', REJECTED: 'Rejected', DISPUTED: 'Disputed', EXPIRED: 'Expired' },
  steps: { filed: 'Filed', confirmed: 'Provider confirmed', decided: 'Decided', paid: 'Paid', after: 'took {d}', waiting: 'waiting {d}' },
  risk: {
    searchHint: 'Name, USCC or invoice number',
    ruleTitle: 'Rule', explanation: 'Explanation', evidence: 'Evidence', source: 'Source', raisedAt: 'Raised', redemption: 'Redemption', confirm: 'Confirm', clear: 'Clear',
    rule: { SPLIT_PURCHASE: 'Split purchase', RELATED_PARTY: 'Related party', CONCENTRATION: 'Concentration', CONTRACT_DUPLICATE: 'Contract duplicate' },
    status: { OPEN: 'Open', CONFIRMED: 'Confirmed', CLEARED: 'Cleared' },
    sources: { NODE: 'Node', HUB: 'Hub' }
  },
  providerStatus: { APPLIED: 'Applied', ADMITTED: 'Admitted', REJECTED: 'Rejected', SUSPENDED: 'Suspended', REVOKED: 'Revoked' },
  admission: { admit: 'Admit', reject: 'Reject', suspend: 'Suspend', revoke: 'Revoke', history: 'History' },
  negative: { add: 'List a party', end: 'End', listedByPerson: 'Listed by', endRequested: '{by} asked to end it; a second operator confirms:', confirmEnd: 'Confirm the end', readOnly: 'Listed by other YRD provinces and enforced here too; not editable here.' },
  draftStatus: { DRAFT: 'Awaiting confirmation', CONFIRMED: 'In force' },
  policyPage: {
    versions: 'Versions', versionNo: 'Version', effectiveFrom: 'Effective from', drafts: 'Drafts', newDraft: 'New draft', note: 'Note',
    draftedBy: 'Drafted by', confirm: 'Confirm', compare: 'Compare versions', left: 'Version A', right: 'Version B', onlyChanged: 'Only differences',
    same: 'No differences', field: 'Field', version: 'Version {n} ({from})', draftOf: 'Draft ({from}, {by})',
    makerChecker: 'A draft takes effect only when a second operator confirms it.'
  },
  ledger: { province: 'Whole province', pool: 'Pool', item: 'Item', fromLedger: 'From the ledger', fromVouchers: 'From the vouchers', agree: 'Agree' },
  audit: {
    actor: 'Actor', action: 'Action', target: 'Target', from: 'From', to: 'To', outcome: 'Outcome', detail: 'Detail', verify: 'Verify the chain',
    verdict: '{n} records; the chain is {intact}; witnessed by the hub: {witness}', intact: 'intact', broken: 'broken',
    witness: { MATCHES: 'matches', DIFFERS: 'differs', NONE: 'nothing yet', UNAVAILABLE: 'unreachable' }
  },
  finance: {
    paymentSheet: 'Print the payments of the day', sheetDay: 'Day of payment',
    bankCsv: 'Payment list for the bank', total: '{n} payments, {amount} in all', payeeUscc: 'Payee code', amount: 'Amount', invoice: 'Invoice',
    approvedAt: 'Approved', approvedBy: 'Approved by', pay: 'Record payment', payTo: 'Pay {amount} to {payee}', reference: 'Bank reference', record: 'Record as paid',
    paidAt: 'Paid', paidBy: 'Recorded by'
  },
  enterprise: {
    type: 'Type', smeNo: 'Tech-SME registration no.', smeYear: 'Registration year', registeredAt: 'Registered', registerIntro: 'Register your enterprise first.',
    districtHint: '6-digit district code, e.g. 330106', legalRep: 'Legal representative', phone: 'Phone', address: 'Address', register: 'Register'
  },
  uscc: { invalid: 'The check character of this code is wrong (GB 32100-2015)' },
  apply: {
    perApplicationCap: 'Cap per application', capLeft: 'Left this year', window: 'Window', open: 'Open', openDraw: 'Open (by draw)', closed: 'Closed',
    usage: 'Use of current vouchers (needs {n}%)', rule: 'Rule: at most the cap per application and what is left this year; apply again once {n}% of your vouchers is used.',
    amount: 'Amount (yuan)', submit: 'Apply', decidedAt: 'Decided'
  },
  vouchers: { face: 'Face value', available: 'Available', held: 'Held', redeemed: 'Redeemed', expired: 'Expired', validity: 'Valid' },
  voucherStatus: { ACTIVE: 'Active', EXPIRED: 'Expired' },
  redeem: {
    voucher: 'Voucher', voucherLabel: '{available} available, valid until {until}', chosen: 'Chosen', contractNo: 'Contract no.', invoiceNo: 'Invoice no.', invoiceKey: 'Checked for duplicates as “{key}” (case, width, spaces and hyphens do not count)',
    actual: 'Expenditure (yuan)', requested: 'Requested (yuan)', completion: 'Completed on', declarations: 'Declarations',
    patent: 'Patent application fees', statutory: 'Statutory testing', otherFunding: 'Other public funding received', related: 'Related to the provider',
    computed: 'Expected', voucherPays: 'Voucher pays', ownShare: 'Own share', ruleHint: '{ratio}% of the expenditure at most, within the balance; {mode}',
    submit: 'File redemption', filed: 'Filed; waiting for the provider to confirm'
  },
  rating: { rate: 'Rate', score: 'Score', comment: 'Comment' },
  mandates: {
    agent: 'Service point code', scopes: 'May', scope: { APPLY: 'apply', FILE: 'file redemptions' }, until: 'Valid', grant: 'Authorise',
    revoke: 'Revoke', inForce: 'In force', revokedAt: 'revoked {at}: {reason}'
  },
  agent: { intro: 'These enterprises authorised this service point; choose one to act for it within its mandate.', actFor: 'Act for', actingFor: 'Acting for {uscc}', chooseFirst: 'Choose the enterprise to act for under “Enterprises” first.' },
  provider: {
    appliedAt: 'Applied', applyIntro: "Apply to serve vouchers in this province; once admitted you are recognised YRD-wide.", qualKind: 'Kind', qualNumber: 'Number',
    addQual: 'Add qualification', apply: 'Apply for admission'
  },
  requests: { incoming: 'Other provinces ({n})', local: 'This province ({n})', from: 'From', confirm: 'Confirm', dispute: 'Dispute' },
  incomingStatus: { REQUESTED: 'To answer', CONFIRMED: 'Confirmed', DISPUTED: 'Disputed' }
}
