// The hub's console: the public YRD pages (catalogue, negative list, notices, quality library, provider
// reports) and, after signing in at yrd-hub, the joint task group's dashboard.
import { page, startConsole } from '@shared/console.js'
import { ROLES } from '@shared/roles.js'
import zhCN from './locales/zh-CN.js'
import en from './locales/en.js'

const TASKGROUP = [ROLES.TASKGROUP]

startConsole({
  titleKey: 'title',
  messages: { 'zh-CN': zhCN, en },
  groups: [
    { key: 'public', title: 'group.public' },
    { key: 'taskgroup', title: 'group.taskgroup', roles: TASKGROUP }
  ],
  routes: [
    page('/', 'catalogue', 'public', null, () => import('./pages/PublicCatalogue.vue')),
    page('/negative-list', 'negativeList', 'public', null, () => import('./pages/PublicNegativeList.vue')),
    page('/notices', 'notices', 'public', null, () => import('./pages/PublicNotices.vue')),
    page('/quality-library', 'qualityLibrary', 'public', null, () => import('./pages/PublicQualityLibrary.vue')),
    page('/provider-report', 'providerReport', 'public', null, () => import('./pages/PublicProviderReport.vue')),
    page('/taskgroup', 'dashboard', 'taskgroup', TASKGROUP, () => import('./pages/TaskgroupDashboard.vue')),
    page('/taskgroup/reconciliation', 'reconciliation', 'taskgroup', TASKGROUP, () => import('./pages/TaskgroupReconciliation.vue')),
    page('/taskgroup/cities', 'cities', 'taskgroup', TASKGROUP, () => import('./pages/TaskgroupCities.vue')),
    page('/taskgroup/risk', 'risk', 'taskgroup', TASKGROUP, () => import('./pages/TaskgroupRisk.vue')),
    page('/taskgroup/provider-reports', 'providerReports', 'taskgroup', TASKGROUP, () => import('./pages/TaskgroupProviderReports.vue')),
    page('/taskgroup/quarantine', 'quarantine', 'taskgroup', TASKGROUP, () => import('./pages/TaskgroupQuarantine.vue'))
  ]
})
