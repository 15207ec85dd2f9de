// The texts every console shares, in Chinese (the default); the same keys in en.js (localeCheck.js).
export default {
  app: { language: 'English', signIn: '登录', signInGov: '政务服务网法人登录', signOut: '退出', signedInAs: '当前用户', public: '信息公开',
    forbidden: '无权访问此页面', forbiddenDetail: '当前账号（{roles}）不能使用此页面。请使用具有相应角色的账号登录。',
    signInNeeded: '此页面需要登录', signInDetail: '请使用本省统一身份认证账号登录。', notFound: '页面不存在',
    loading: '加载中…', empty: '暂无数据', exportXlsx: '导出 Excel', dayFrom: '起始日期', dayTo: '截止日期', refresh: '刷新', search: '查询', reset: '重置', submit: '提交',
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
}
