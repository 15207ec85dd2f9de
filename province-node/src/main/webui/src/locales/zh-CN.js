// The node console's texts in Chinese (the default); the same keys in en.js (locales.test.js checks). Common ones:
// webui-shared/src/locales.
export default {
  title: '长三角科技创新券 · 省级服务平台',
  group: { public: '信息公开', operator: '业务管理', finance: '财务支付', enterprise: '企业服务', provider: '服务机构', agent: '服务网点', account: '我的账号', inbox: '消息' },
  menu: {
    policy: '政策与通知', providers: '服务机构名录', recipients: '获券企业公示', negativeList: '负面清单', notices: '通知公告与典型案例',
    draws: '摇号公示', report: '投诉举报', operatorHome: '工作台', applications: '申领审核', redemptions: '兑付审核', riskFlags: '风险预警',
    admissions: '机构准入', operatorNegativeList: '负面清单管理', reports: '举报处理', policyVersions: '政策版本', operatorDraws: '摇号管理',
    operatorNotices: '公告发布', ledger: '账务对账', audit: '审计日志', quarantine: '拒收消息', payments: '待支付', paid: '已支付', enterpriseHome: '企业信息',
    apply: '申领创新券', vouchers: '我的创新券', redeem: '申请兑付', myRedemptions: '兑付记录', mandates: '服务网点授权',
    providerHome: '机构信息', requests: '服务确认', agentMandates: '授权企业', accounts: '账号核验', account: '绑定单位', notifications: '消息中心'
  },
  account: { intro: '自行注册的账号须绑定所代表的单位：填写统一社会信用代码、名称和单位类型，由本省操作员核验营业执照等材料后确认。确认前该账号不能办理其他业务。已在政务服务网办理法人认证的单位，请退出后使用“政务服务网法人登录”，无需核验。',
    kind: '单位类型', kinds: { ENTERPRISE: '企业', PROVIDER: '服务机构', SERVICE_POINT: '服务网点' }, submit: '提交核验',
    pendingTitle: '等待核验', pendingDetail: '{name}（{uscc}）的绑定申请已于 {at} 提交，本省操作员核验后即可使用。',
    confirmedTitle: '已核验', confirmedDetail: '账号已绑定 {uscc}。请重新登录，以单位身份办理业务。', signInAgain: '重新登录',
    rejected: '上次申请被驳回：{reason}。可修改后重新提交。', username: '账号', confirm: '确认绑定', reject: '驳回',
    status: { PENDING: '待核验', CONFIRMED: '已确认', REJECTED: '已驳回' } },
  notifications: { unreadOnly: '只看未读', readAll: '全部标为已读', email: '邮件通知', noAddress: '账号未登记邮箱', what: '内容',
    read: '已读', markRead: '标为已读', unreadLabel: '消息中心，{n} 条未读' },
  mode: { PRE_SUBSIDY: '事前补助（付给服务机构）', POST_SUBSIDY: '事后补助（付给企业）' },
  recipient: { TECH_SME: '科技型中小企业', STARTUP_TEAM: '创业团队' },
  payee: { PROVIDER: '服务机构', ENTERPRISE: '企业' },
  policy: {
    intro: '{province}现行政策：第 {version} 版，自 {from} 起施行。', mode: '兑付方式', ratio: '补助比例', perApplicationCap: '单次申领上限',
    annualCap: '每家企业年度上限', budget: '年度预算', validity: '有效期', days: '{n} 天', recipients: '支持对象', categories: '服务类别',
    windows: '申领时间', allYear: '全年受理', byDraw: '摇号分配', reapply: '再次申领', reapplyRule: '已有创新券使用达到 {n}% 后方可再次申领',
    autoApproval: '自动审批阈值', pools: '市、区县资金池'
  },
  providers: { local: '本省服务机构', yrd: '长三角互认服务机构', quality: '优质机构', qualityTag: '优质服务机构库' },
  recipients: { issued: '发放金额', redeemed: '兑付金额' },
  notices: {
    kind: '类型', title: '标题', body: '正文',
    publish: '发布公告', publishedAt: '发布时间', withdraw: '撤回', withdrawn: '已撤回', yrdWideLong: '同时在长三角联合平台公开'
  },
  draws: { window: '申领窗口', seed: '随机种子（事先公布）', announcedAt: '公布时间', entry: '申领编号', opensOn: '窗口开始日期', announce: '公布摇号', run: '开始摇号', drawnAt: '摇号时间' },
  drawStatus: { ANNOUNCED: '已公布', DRAWN: '已摇号' },
  applicationStatus: { PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过', IN_DRAW: '待摇号', NOT_DRAWN: '未中签' },
  report: {
    searchHint: '举报对象（信用代码、名称、兑付编号）或内容',
    intro: '如发现服务机构或企业违规使用创新券，可在此匿名举报；联系方式选填。', subjectKind: '举报对象', subject: '对象信用代码或兑付编号',
    description: '问题描述', contact: '联系方式（选填）', redemption: '兑付申请', received: '已收到您的举报', receipt: '受理编号 {id}（{at}），请妥善保存。',
    receivedAt: '收到时间', triage: '处理', outcome: '处理结果', list: '列入负面清单'
  },
  reportStatus: { RECEIVED: '待处理', ACCEPTED: '已查实', DISMISSED: '不予受理', REFERRED: '已移交' },
  budget: {
    title: '{year} 年度预算', budgetFen: '年度预算', unissuedFen: '未发放', outstandingFen: '已发放未使用', heldFen: '兑付冻结中',
    redeemedFen: '已兑付', expiredFen: '已过期', issuedFen: '已发放', reconciles: '账券一致'
  },
  queues: { title: '待办事项', applications: '待审核申领', filed: '待机构确认的兑付', toApprove: '待审核兑付', riskFlags: '待处理风险预警', reports: '待处理举报', admissions: '待准入机构' },
  applications: { searchHint: '企业名称或信用代码', approve: '通过', reject: '驳回', waiting: '已等待', policyVersion: '政策版本' },
  redemptions: { approve: '审核通过', reject: '驳回', actual: '实际支出', voucherAmount: '创新券金额', waiting: '当前等待',
    searchHint: '企业或机构名称、信用代码、发票号、合同号', filedFrom: '申请日期起', filedTo: '申请日期止', approvalSheet: '打印审批单' },
  redemptionStatus: { FILED: '待机构确认', PROVIDER_CONFIRMED: '待审核', APPROVED: '待支付', PAID: '已支付', REJECTED: '已驳回', DISPUTED: '机构有异议', EXPIRED: '已超时' },
  steps: { filed: '企业申请', confirmed: '机构确认', decided: '审核', paid: '支付', after: '用时 {d}', waiting: '已等待 {d}' },
  risk: {
    searchHint: '企业或机构名称、信用代码、发票号',
    ruleTitle: '规则', explanation: '说明', evidence: '依据', source: '来源', raisedAt: '预警时间', redemption: '兑付编号', confirm: '确认风险', clear: '排除',
    rule: { SPLIT_PURCHASE: '拆分采购', RELATED_PARTY: '关联交易', CONCENTRATION: '收入集中', CONTRACT_DUPLICATE: '跨省重复合同' },
    status: { OPEN: '待处理', CONFIRMED: '已确认', CLEARED: '已排除' },
    sources: { NODE: '本省', HUB: '长三角平台' }
  },
  providerStatus: { APPLIED: '待审核', ADMITTED: '已准入', REJECTED: '未通过', SUSPENDED: '暂停', REVOKED: '已撤销' },
  admission: { admit: '准入', reject: '不予准入', suspend: '暂停', revoke: '撤销', history: '变更记录' },
  negative: { add: '列入负面清单', end: '移出', listedByPerson: '列入人', endRequested: '{by} 已申请移出，待另一名业务人员确认：', confirmEnd: '确认移出', readOnly: '以下为长三角其他省市列入的主体，本省同样执行，不可在此修改。' },
  draftStatus: { DRAFT: '待复核', CONFIRMED: '已生效' },
  policyPage: {
    versions: '已生效版本', versionNo: '版本', effectiveFrom: '生效日期', drafts: '待复核草案', newDraft: '起草新版本', note: '说明',
    draftedBy: '起草人', confirm: '复核通过', compare: '版本对比', left: '对比版本 A', right: '对比版本 B', onlyChanged: '只看不同项',
    same: '两个版本没有差异', field: '字段', version: '第 {n} 版（{from}）', draftOf: '草案（{from}，{by}）',
    makerChecker: '草案须由另一名业务人员复核后才生效（双人复核）。'
  },
  ledger: { province: '全省', pool: '资金池', item: '项目', fromLedger: '按账务流水', fromVouchers: '按创新券', agree: '一致' },
  audit: {
    actor: '操作人', action: '操作', target: '对象', from: '起始日', to: '截止日', outcome: '结果', detail: '详情', verify: '校验哈希链',
    verdict: '共 {n} 条记录，哈希链{intact}；长三角平台见证：{witness}', intact: '完整', broken: '已被破坏',
    witness: { MATCHES: '一致', DIFFERS: '不一致', NONE: '暂无', UNAVAILABLE: '无法连接' }
  },
  finance: {
    paymentSheet: '打印当日支付清单', sheetDay: '支付日期',
    bankCsv: '导出银行支付清单', total: '共 {n} 笔，合计 {amount}', payeeUscc: '收款方信用代码', amount: '支付金额', invoice: '发票号',
    approvedAt: '审核时间', approvedBy: '审核人', pay: '登记支付', payTo: '向 {payee} 支付 {amount}', reference: '银行流水号', record: '确认已支付',
    paidAt: '支付时间', paidBy: '经办人'
  },
  enterprise: {
    type: '主体类型', smeNo: '科技型中小企业入库编号', smeYear: '入库年度', registeredAt: '注册时间', registerIntro: '首次使用请先完成企业注册。',
    districtHint: '6 位行政区划代码，如 330106', legalRep: '法定代表人', phone: '联系电话', address: '地址', register: '注册'
  },
  uscc: { invalid: '统一社会信用代码校验位不正确（GB 32100-2015）' },
  apply: {
    perApplicationCap: '单次申领上限', capLeft: '本年度还可申领', window: '申领窗口', open: '受理中', openDraw: '受理中（摇号分配）', closed: '未开放',
    usage: '已有券使用率（须达 {n}%）', rule: '规则：金额不超过单次上限与年度余额；已有创新券使用达到 {n}% 后方可再次申领。',
    amount: '申领金额（元）', submit: '提交申领', decidedAt: '审核时间'
  },
  vouchers: { face: '面额', available: '可用余额', held: '冻结中', redeemed: '已兑付', expired: '已过期', validity: '有效期' },
  voucherStatus: { ACTIVE: '有效', EXPIRED: '已过期' },
  redeem: {
    voucher: '使用的创新券', voucherLabel: '可用 {available}，有效至 {until}', chosen: '已选择', contractNo: '合同编号', invoiceNo: '发票号码', invoiceKey: '查重时按「{key}」比对（不区分大小写和全半角，忽略空格、连字符等）',
    actual: '实际支出（元）', requested: '申请券额（元）', completion: '服务完成日期', declarations: '申报事项',
    patent: '属于专利申请阶段费用', statutory: '属于法定强制检测', otherFunding: '已获其他财政资金支持', related: '与服务机构存在关联关系',
    computed: '预计兑付', voucherPays: '创新券支付', ownShare: '企业自付', ruleHint: '按本省补助比例 {ratio}%，不超过实际支出与券余额；{mode}',
    submit: '提交兑付申请', filed: '已提交，等待服务机构确认'
  },
  rating: { rate: '评价', score: '评分', comment: '评价内容' },
  mandates: {
    agent: '服务网点信用代码', scopes: '授权事项', scope: { APPLY: '代为申领', FILE: '代为兑付' }, until: '有效期', grant: '授权',
    revoke: '撤销授权', inForce: '有效', revokedAt: '{at} 已撤销：{reason}'
  },
  agent: { intro: '以下企业授权本网点代办；选择企业后可在其授权范围内办理。', actFor: '代为办理', actingFor: '当前代办企业：{uscc}', chooseFirst: '请先在“授权企业”中选择要代办的企业。' },
  provider: {
    appliedAt: '申请时间', applyIntro: '申请成为本省创新券服务机构，审核通过后向长三角互认。', qualKind: '资质类型', qualNumber: '证书编号',
    addQual: '添加资质', apply: '提交准入申请'
  },
  requests: { incoming: '外省企业（{n}）', local: '本省企业（{n}）', from: '来自', confirm: '确认服务', dispute: '提出异议' },
  incomingStatus: { REQUESTED: '待确认', CONFIRMED: '已确认', DISPUTED: '有异议' }
}
