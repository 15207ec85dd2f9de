// Languages: zh-CN first (Element Plus's own zh-CN texts too), English on the switch; the choice is kept.
import { createI18n } from 'vue-i18n'

const common = {
  'zh-CN': {
    app: { language: 'English', signIn: '登录', signOut: '退出', signedInAs: '当前用户', public: '信息公开',
      forbidden: '无权访问此页面', forbiddenDetail: '当前账号（{roles}）不能使用此页面。请使用具有相应角色的账号登录。',
      signInNeeded: '此页面需要登录', signInDetail: '请使用本省统一身份认证账号登录。', notFound: '页面不存在',
      loading: '加载中…', empty: '暂无数据', refresh: '刷新', search: '查询', reset: '重置', submit: '提交',
      cancel: '取消', confirm: '确认', actions: '操作', reason: '理由', reasonRequired: '请填写理由', done: '已完成',
      yes: '是', no: '否', all: '全部', export: '导出 CSV', details: '详情', back: '返回', close: '关闭',
      noAuthority: '本服务未配置身份认证，只能浏览公开信息。' },
    field: { uscc: '统一社会信用代码', name: '名称', province: '省市', category: '服务类别', categories: '服务类别',
      status: '状态', amount: '金额', time: '时间', year: '年度', enterprise: '企业', provider: '服务机构',
      createdAt: '提交时间', reason: '理由', qualifications: '资质', payee: '收款方', district: '区县', nameOrUscc: '名称或信用代码' },
    quarantine: { intro: '联邦消息中未被接受的记录：格式错误、来源或签名不符、字段越界或状态不允许的，均未生效，保留于此供核查；同一记录重复到达只计次数。',
      none: '没有被拒收的记录', newer: '较新', older: '较早', last: '最近到达', channel: '通道', reason: '原因', detail: '说明', event: '事件', times: '次数',
      reasons: { OVERSIZED: '过大', MALFORMED: '格式错误', ENVELOPE: '信封不符', WRONG_SOURCE: '来源不符', UNKNOWN_TYPE: '未知类型', SIGNATURE: '签名不符',
        PAYLOAD: '内容越界', PROVENANCE: '越权申报', TRANSITION: '状态不允许', UNAPPLICABLE: '无法应用' } },
    province: { SH: '上海', JS: '江苏', ZJ: '浙江', AH: '安徽' },
    party: { ENTERPRISE: '企业', PROVIDER: '服务机构' },
    notice: { feed: '订阅：', yrdWide: '长三角', expenditure: '服务金额', voucherAmount: '创新券金额', kind: { NOTICE: '通知公告', CASE: '典型案例' } },
    negative: { kind: '类型', listedBy: '列入省市', from: '起始日', until: '截止日', open: '长期', local: '本省负面清单', yrd: '长三角负面清单（各省市共享）' },
    category: {
      RESEARCH_AND_DEVELOPMENT: '研究开发', TESTING_INSPECTION_CERTIFICATION: '检验检测认证',
      TECHNOLOGY_TRANSFER: '技术转移', INTELLECTUAL_PROPERTY: '知识产权', SCI_TECH_CONSULTING: '科技咨询',
      SCI_TECH_FINANCE: '科技金融', STARTUP_INCUBATION: '创业孵化', SCI_TECH_LITERATURE: '科技文献',
      SCIENTIFIC_DATA: '科学数据', SCI_TECH_REPORTS: '科技报告', LABORATORY_ANIMALS: '实验动物',
      BIOLOGICAL_GERMPLASM: '生物种质', RESEARCH_REAGENTS: '科研试剂', INDUSTRIAL_DESIGN: '工业设计', SCI_TECH_TRAINING: '科技培训'
    }
  },
  en: {
    app: { language: '中文', signIn: 'Sign in', signOut: 'Sign out', signedInAs: 'Signed in as', public: 'Public disclosure',
      forbidden: 'You may not open this page', forbiddenDetail: 'This account ({roles}) cannot use this page. Sign in with an account that has the role it needs.',
      signInNeeded: 'This page needs you to sign in', signInDetail: "Sign in with your province's account.", notFound: 'No such page',
      loading: 'Loading…', empty: 'Nothing yet', refresh: 'Refresh', search: 'Search', reset: 'Reset', submit: 'Submit',
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
}

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('yrd.locale') : null

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  missingWarn: false,
  fallbackWarn: false,
  messages: common
})

/** Adds a console's own texts to the common ones. */
export function addMessages(messages) {
  for (const [locale, m] of Object.entries(messages)) {
    i18n.global.mergeLocaleMessage(locale, m)
  }
}

export function switchLocale() {
  const next = i18n.global.locale.value === 'en' ? 'zh-CN' : 'en'
  i18n.global.locale.value = next
  localStorage.setItem('yrd.locale', next)
  document.documentElement.lang = next
}
