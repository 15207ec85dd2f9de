// The task group console's texts in Chinese (the default); the same keys in en.js (locales.test.js checks). Common
// ones: webui-shared/src/locales.
export default {
  title: '长三角科技创新券 · 联合服务平台',
  group: { public: '信息公开', taskgroup: '联合工作组' },
  menu: { catalogue: '互认服务机构名录', negativeList: '长三角负面清单', notices: '通知与典型案例', qualityLibrary: '优质服务机构库',
    providerReport: '机构年度报告', dashboard: '统计看板', reconciliation: '对账与来源校验', cities: '城市统计', risk: '风险规则', providerReports: '机构年度报告汇总', quarantine: '拒收消息' },
  catalogue: { count: '共 {n} 家', services: '服务次数', rating: '平均评分', otherProvinces: '服务外省数', quality: '优质', qualityTag: '优质机构' },
  quality: { criteria: '入库标准', minServices: '最少服务次数', minRatings: '最少评价数', minAverage: '最低平均评分', crossRegion: '须服务过外省企业', members: '在库机构', since: '入库时间' },
  report: { services: '服务次数', enterprises: '服务企业数', amount: '兑付金额', crossRegion: '跨省服务（次数 · 金额）' },
  totals: { issuedFen: '已发放', heldFen: '冻结中', redeemedFen: '已兑付', expiredFen: '已过期', budgetFen: '年度预算' },
  recon: { node: '节点：', matches: '一致', refusals: '来源校验拒收的事件', source: '来源', type: '事件类型' },
  cities: { city: '城市代码', vouchers: '发券数', paid: '兑付笔数' },
  risk: { ruleTitle: '规则', raised: '累计预警', open: '待处理', confirmed: '已确认', cleared: '已排除',
    SPLIT_PURCHASE: '拆分采购', RELATED_PARTY: '关联交易', CONCENTRATION: '收入集中', CONTRACT_DUPLICATE: '跨省重复合同' },
  units: { yuan: '元', days: '天' },
  dash: {
    annualPdf: '年度报告（PDF）', annualXlsx: '年度报告（Excel）',
    allProvinces: '全部省市', allYears: '全部年度', budgetUse: '预算使用率', issuingProvince: '发券省市', providerProvince: '服务机构所在省市', issuing: '{p}（发券）', serving: '{p}（服务）',
    heatmap: '跨区域兑付热力图（金额）', sankey: '跨区域资金流向', budget: '各省市预算使用', categories: '服务类别分布', time: '申请到支付用时分布', redemptions: '笔数',
    band: { d1: '1 天内', d3: '1–3 天', d7: '3–7 天', d14: '1–2 周', d30: '2 周–1 个月', longer: '1 个月以上' },
    top: '服务金额前列的机构', flowTable: '跨区域兑付明细',
    kpi: { issuedFen: '已发放', redeemedFen: '已兑付', heldFen: '冻结中', expiredFen: '已过期', budgetUse: '预算使用率', crossShare: '跨省兑付占比', paidCount: '已支付笔数' }
  }
}
