// The province node's console: the public's disclosure pages, and a menu per role (operator, finance officer,
// enterprise, provider, service point) after signing in at the province's realm.
import { page, startConsole } from '@shared/console.js'
import { ROLES } from '@shared/roles.js'
import { h } from 'vue'
import NotificationBell from './components/NotificationBell.vue'
import zhCN from './locales/zh-CN.js'
import en from './locales/en.js'

const OPERATOR = [ROLES.OPERATOR]
const FINANCE = [ROLES.FINANCE]
const ENTERPRISE = [ROLES.ENTERPRISE]
const ACTS_FOR_ENTERPRISE = [ROLES.ENTERPRISE, ROLES.AGENT]
const PROVIDER = [ROLES.PROVIDER]
const AGENT = [ROLES.AGENT]
const APPLICANT = [ROLES.APPLICANT]
// everyone with a desk or a company has a notification centre; not an account still waiting for its check
const NOTIFIED = [ROLES.OPERATOR, ROLES.FINANCE, ROLES.ENTERPRISE, ROLES.PROVIDER, ROLES.AGENT]

startConsole({
  titleKey: 'title',
  messages: { 'zh-CN': zhCN, en },
  headerExtra: { render: () => h(NotificationBell, { roles: NOTIFIED }) },
  groups: [
    { key: 'public', title: 'group.public' },
    { key: 'operator', title: 'group.operator', roles: OPERATOR },
    { key: 'finance', title: 'group.finance', roles: FINANCE },
    { key: 'enterprise', title: 'group.enterprise', roles: ACTS_FOR_ENTERPRISE },
    { key: 'provider', title: 'group.provider', roles: PROVIDER },
    { key: 'agent', title: 'group.agent', roles: AGENT },
    { key: 'account', title: 'group.account', roles: APPLICANT },
    { key: 'inbox', title: 'group.inbox', roles: NOTIFIED }
  ],
  routes: [
    page('/', 'policy', 'public', null, () => import('./pages/PublicPolicy.vue')),
    page('/providers', 'providers', 'public', null, () => import('./pages/PublicProviders.vue')),
    page('/recipients', 'recipients', 'public', null, () => import('./pages/PublicRecipients.vue')),
    page('/negative-list', 'negativeList', 'public', null, () => import('./pages/PublicNegativeList.vue')),
    page('/notices', 'notices', 'public', null, () => import('./pages/PublicNotices.vue')),
    page('/draws', 'draws', 'public', null, () => import('./pages/PublicDraws.vue')),
    page('/report', 'report', 'public', null, () => import('./pages/PublicReport.vue')),

    page('/operator', 'operatorHome', 'operator', OPERATOR, () => import('./pages/OperatorHome.vue')),
    page('/operator/applications', 'applications', 'operator', OPERATOR, () => import('./pages/OperatorApplications.vue')),
    page('/operator/redemptions', 'redemptions', 'operator', OPERATOR, () => import('./pages/OperatorRedemptions.vue')),
    page('/operator/risk-flags', 'riskFlags', 'operator', OPERATOR, () => import('./pages/OperatorRiskFlags.vue')),
    page('/operator/providers', 'admissions', 'operator', OPERATOR, () => import('./pages/OperatorProviders.vue')),
    page('/operator/negative-list', 'operatorNegativeList', 'operator', OPERATOR, () => import('./pages/OperatorNegativeList.vue')),
    page('/operator/reports', 'reports', 'operator', OPERATOR, () => import('./pages/OperatorReports.vue')),
    page('/operator/policy', 'policyVersions', 'operator', OPERATOR, () => import('./pages/OperatorPolicy.vue')),
    page('/operator/draws', 'operatorDraws', 'operator', OPERATOR, () => import('./pages/OperatorDraws.vue')),
    page('/operator/notices', 'operatorNotices', 'operator', OPERATOR, () => import('./pages/OperatorNotices.vue')),
    page('/operator/ledger', 'ledger', 'operator', [ROLES.OPERATOR, ROLES.FINANCE], () => import('./pages/OperatorLedger.vue')),
    page('/operator/audit', 'audit', 'operator', OPERATOR, () => import('./pages/OperatorAudit.vue')),
    page('/operator/quarantine', 'quarantine', 'operator', OPERATOR, () => import('./pages/OperatorQuarantine.vue')),
    page('/operator/accounts', 'accounts', 'operator', OPERATOR, () => import('./pages/OperatorAccounts.vue')),

    page('/finance', 'payments', 'finance', FINANCE, () => import('./pages/FinancePayments.vue')),
    page('/finance/paid', 'paid', 'finance', FINANCE, () => import('./pages/FinancePaid.vue')),

    page('/enterprise', 'enterpriseHome', 'enterprise', ENTERPRISE, () => import('./pages/EnterpriseHome.vue')),
    page('/enterprise/apply', 'apply', 'enterprise', ACTS_FOR_ENTERPRISE, () => import('./pages/EnterpriseApply.vue')),
    page('/enterprise/vouchers', 'vouchers', 'enterprise', ACTS_FOR_ENTERPRISE, () => import('./pages/EnterpriseVouchers.vue')),
    page('/enterprise/redeem', 'redeem', 'enterprise', ACTS_FOR_ENTERPRISE, () => import('./pages/EnterpriseRedeem.vue')),
    page('/enterprise/redemptions', 'myRedemptions', 'enterprise', ACTS_FOR_ENTERPRISE, () => import('./pages/EnterpriseRedemptions.vue')),
    page('/enterprise/mandates', 'mandates', 'enterprise', ENTERPRISE, () => import('./pages/EnterpriseMandates.vue')),

    page('/provider', 'providerHome', 'provider', PROVIDER, () => import('./pages/ProviderHome.vue')),
    page('/provider/requests', 'requests', 'provider', PROVIDER, () => import('./pages/ProviderRequests.vue')),

    page('/agent', 'agentMandates', 'agent', AGENT, () => import('./pages/AgentMandates.vue')),

    page('/account', 'account', 'account', APPLICANT, () => import('./pages/AccountBinding.vue')),
    page('/notifications', 'notifications', 'inbox', NOTIFIED, () => import('./pages/Notifications.vue'))
  ]
})
