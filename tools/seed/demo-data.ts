/**
 * The demo districts, deterministic: the same names, accounts and stories on every machine. Dates
 * are offsets in days from the day the seed runs (China time), so a fresh demo always has findings
 * near their deadline. Figures echo the source documents (钱塘区, 中原区) at demo scale.
 */
export const DEMO_PASSWORD = 'Zeren-demo-2026';

export type DemoRole = 'city_inspector' | 'district_admin' | 'unit_officer' | 'auditor';
export type UnitKind = 'STREET' | 'TOWNSHIP' | 'DEPARTMENT' | 'PARTY_ORG' | 'COMMUNITY';

export const ROLE_LABELS: Record<DemoRole | 'platform_admin', string> = {
  platform_admin: '平台管理员',
  city_inspector: '市级督查',
  district_admin: '区县管理员',
  unit_officer: '单位联络员',
  auditor: '纪检审计',
};

export interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  parentKey?: string;
}

export interface DemoPerson {
  username: string;
  displayName: string;
  role: DemoRole;
  /** For unit officers: the unit they answer for. */
  unitKey?: string;
  phone?: string;
}

export interface DemoDistrict {
  key: string;
  name: string;
  code: string;
  units: DemoUnit[];
  people: DemoPerson[];
}

export interface DemoCity {
  name: string;
  code: string;
  inspectors: DemoPerson[];
  districts: DemoDistrict[];
}

export const DEMO_CITIES: DemoCity[] = [
  {
    name: '杭州市',
    code: '330100',
    inspectors: [{ username: 'hz.inspector', displayName: '王建华', role: 'city_inspector', phone: '0571-85250001' }],
    districts: [
      {
        key: 'qt',
        name: '钱塘区',
        code: '330114',
        units: [
          { key: 'baiyang', name: '白杨街道', kind: 'STREET' },
          { key: 'xiasha', name: '下沙街道', kind: 'STREET' },
          { key: 'hezhuang', name: '河庄街道', kind: 'STREET' },
          { key: 'yipeng', name: '义蓬街道', kind: 'STREET' },
          { key: 'wenhai', name: '文海社区', kind: 'COMMUNITY', parentKey: 'baiyang' },
          { key: 'propaganda', name: '区委宣传部', kind: 'DEPARTMENT' },
          { key: 'education', name: '区教育局', kind: 'DEPARTMENT' },
          { key: 'culture', name: '区文化和广电旅游体育局', kind: 'DEPARTMENT' },
          { key: 'organs', name: '区直属机关党委', kind: 'PARTY_ORG' },
        ],
        people: [
          { username: 'qt.admin', displayName: '李明', role: 'district_admin', phone: '0571-86910001' },
          { username: 'qt.baiyang', displayName: '陈静', role: 'unit_officer', unitKey: 'baiyang' },
          { username: 'qt.xiasha', displayName: '周涛', role: 'unit_officer', unitKey: 'xiasha' },
          { username: 'qt.hezhuang', displayName: '吴芳', role: 'unit_officer', unitKey: 'hezhuang' },
          { username: 'qt.education', displayName: '郑伟', role: 'unit_officer', unitKey: 'education' },
          { username: 'qt.auditor', displayName: '赵丽', role: 'auditor' },
        ],
      },
      {
        key: 'sc',
        name: '上城区',
        code: '330102',
        units: [
          { key: 'xiaoying', name: '小营街道', kind: 'STREET' },
          { key: 'hubin', name: '湖滨街道', kind: 'STREET' },
          { key: 'qingbo', name: '清波街道', kind: 'STREET' },
          { key: 'propaganda', name: '区委宣传部', kind: 'DEPARTMENT' },
          { key: 'education', name: '区教育局', kind: 'DEPARTMENT' },
        ],
        people: [
          { username: 'sc.admin', displayName: '孙晓燕', role: 'district_admin' },
          { username: 'sc.xiaoying', displayName: '钱磊', role: 'unit_officer', unitKey: 'xiaoying' },
        ],
      },
    ],
  },
  {
    name: '郑州市',
    code: '410100',
    inspectors: [{ username: 'zz.inspector', displayName: '张国强', role: 'city_inspector' }],
    districts: [
      {
        key: 'zy',
        name: '中原区',
        code: '410102',
        units: [
          { key: 'linshanzhai', name: '林山寨街道', kind: 'STREET' },
          { key: 'jiansheli', name: '建设路街道', kind: 'STREET' },
          { key: 'sanguanmiao', name: '三官庙街道', kind: 'STREET' },
          { key: 'baihua', name: '百花社区', kind: 'COMMUNITY', parentKey: 'linshanzhai' },
          { key: 'propaganda', name: '区委宣传部', kind: 'DEPARTMENT' },
          { key: 'education', name: '区教育局', kind: 'DEPARTMENT' },
        ],
        people: [
          { username: 'zy.admin', displayName: '刘洋', role: 'district_admin' },
          { username: 'zy.linshanzhai', displayName: '黄磊', role: 'unit_officer', unitKey: 'linshanzhai' },
          { username: 'zy.auditor', displayName: '何敏', role: 'auditor' },
        ],
      },
    ],
  },
];

export type InspectionKind = 'PATROL' | 'SPECIAL_SUPERVISION' | 'SELF_CHECK' | 'MUTUAL_CHECK' | 'CROSS_CHECK' | 'FOLLOW_UP';

export interface DemoInspection {
  key: string;
  district: string;
  /** Who plans and runs it: a city inspector (CITY level) or the district admin (DISTRICT level). */
  by: string;
  title: string;
  kind: InspectionKind;
  /** Inspected units by key; empty: the whole district (only the city inspects a whole district). */
  unitKeys: string[];
  startInDays: number;
  endInDays: number;
  team: string[];
  followUpOf?: string;
  /** How far it has got: planned only, started (findings may be recorded), or report issued. */
  stage: 'PLANNED' | 'IN_PROGRESS' | 'REPORT_ISSUED' | 'CLOSED';
}

export const DEMO_INSPECTIONS: DemoInspection[] = [
  {
    key: 'qt-patrol',
    district: 'qt',
    by: 'hz.inspector',
    title: '2026年度意识形态工作责任制落实情况专项巡察（钱塘区）',
    kind: 'PATROL',
    unitKeys: [],
    startInDays: -30,
    endInDays: 30,
    team: ['王建华', '林晓东', '许文静'],
    stage: 'REPORT_ISSUED',
  },
  {
    key: 'qt-network',
    district: 'qt',
    by: 'qt.admin',
    title: '网络意识形态阵地管理专项督查',
    kind: 'SPECIAL_SUPERVISION',
    unitKeys: ['baiyang', 'xiasha', 'hezhuang', 'education'],
    startInDays: -20,
    endInDays: 20,
    team: ['李明', '沈佳'],
    stage: 'IN_PROGRESS',
  },
  {
    key: 'qt-self',
    district: 'qt',
    by: 'qt.admin',
    title: '2026年上半年意识形态工作自查',
    kind: 'SELF_CHECK',
    unitKeys: ['xiasha', 'culture', 'yipeng'],
    startInDays: -10,
    endInDays: 50,
    team: ['李明'],
    stage: 'IN_PROGRESS',
  },
  {
    key: 'qt-followup',
    district: 'qt',
    by: 'hz.inspector',
    title: '专项巡察整改情况“回头看”',
    kind: 'FOLLOW_UP',
    unitKeys: [],
    startInDays: 40,
    endInDays: 60,
    team: ['王建华', '林晓东'],
    followUpOf: 'qt-patrol',
    stage: 'PLANNED',
  },
  {
    key: 'sc-patrol',
    district: 'sc',
    by: 'hz.inspector',
    title: '2026年度意识形态工作责任制落实情况专项巡察（上城区）',
    kind: 'PATROL',
    unitKeys: [],
    startInDays: -25,
    endInDays: 35,
    team: ['王建华', '许文静'],
    stage: 'IN_PROGRESS',
  },
  {
    key: 'zy-supervision',
    district: 'zy',
    by: 'zz.inspector',
    title: '意识形态领域风险隐患排查专项督查（中原区）',
    kind: 'SPECIAL_SUPERVISION',
    unitKeys: [],
    startInDays: -15,
    endInDays: 45,
    team: ['张国强', '马丽'],
    stage: 'IN_PROGRESS',
  },
];

export type FindingCategory = 'STUDY' | 'POSITION_MANAGEMENT' | 'ONLINE_OPINION' | 'RESPONSIBILITY' | 'OTHER';
export type FindingSeverity = 'MINOR' | 'MAJOR' | 'SEVERE';

/** How far a demo finding's rectification has got (each stage includes the ones before it). */
export type FindingStage =
  | 'RECORDED'
  | 'PLAN_SUBMITTED'
  | 'IN_PROGRESS'
  | 'EXTENSION_REQUESTED'
  | 'SUBMITTED'
  | 'DISTRICT_REVIEW_PASSED'
  | 'VERIFIED'
  | 'REJECTED'
  | 'WITHDRAWN';

export interface DemoFinding {
  key: string;
  inspection: string;
  unitKey: string;
  title: string;
  description: string;
  category: FindingCategory;
  severity: FindingSeverity;
  basis: { kind: 'RESPONSIBILITY_ITEM' | 'RULE'; reference: string; text: string };
  deadlineInDays: number;
  stage: FindingStage;
  /** The unit officer who reports progress (the district admin when the unit has none). */
  reporter: string;
  /** Percent of the last check-in while in progress. */
  percent?: number;
  /** Report one check-in as having taken effect days earlier: it shows as a late entry. */
  lateCheckIn?: boolean;
}

/** 依据: rules by article. A basis citing a 责任清单 item names the item's id, so the demo's findings cite the rules behind the lists. */
const basis = {
  studyRules: { kind: 'RULE' as const, reference: '《党委（党组）理论学习中心组学习规则》第十二条', text: '中心组学习每年不少于12次，每次集体研讨须有记录、有交流发言。' },
  network: { kind: 'RULE' as const, reference: '《党委（党组）意识形态工作责任制实施办法》第八条', text: '落实网络意识形态工作责任制，明确网络阵地管理员，建立健全审核发布制度。' },
  list: { kind: 'RULE' as const, reference: '《党委（党组）意识形态工作责任制实施办法》第一条', text: '责任清单应细化到岗到人，明确第一责任人、直接责任人和“一岗双责”责任人。' },
  judgement: { kind: 'RULE' as const, reference: '《意识形态工作责任制实施细则》第九条', text: '每季度至少开展一次意识形态领域形势分析研判，形成报告报上级党委。' },
  position: { kind: 'RULE' as const, reference: '《党委（党组）意识形态工作责任制实施办法》第六条', text: '加强宣传文化阵地管理，讲座、论坛、展览等活动实行“一会一报”审批。' },
  opinion: { kind: 'RULE' as const, reference: '《网络舆情应对处置工作办法》第五条', text: '发现涉本单位网络舆情，须在2小时内报告并启动应对处置。' },
};

export const DEMO_FINDINGS: DemoFinding[] = [
  {
    key: 'qt-study',
    inspection: 'qt-patrol',
    unitKey: 'baiyang',
    title: '理论学习中心组学习制度落实不到位',
    description: '2026年上半年白杨街道党工委理论学习中心组仅开展集体学习3次，未达到每季度不少于3次的要求，部分学习无研讨记录。',
    category: 'STUDY',
    severity: 'MAJOR',
    basis: basis.studyRules,
    deadlineInDays: 25,
    stage: 'IN_PROGRESS',
    reporter: 'qt.baiyang',
    percent: 60,
    lateCheckIn: true,
  },
  {
    key: 'qt-network-admin',
    inspection: 'qt-network',
    unitKey: 'xiasha',
    title: '网络阵地管理员配备不足',
    description: '下沙街道微信公众号、视频号等5个网络平台仅配备1名兼职管理员，审核发布“三审三校”制度未落实。',
    category: 'POSITION_MANAGEMENT',
    severity: 'MAJOR',
    basis: basis.network,
    deadlineInDays: 8,
    stage: 'IN_PROGRESS',
    reporter: 'qt.xiasha',
    percent: 40,
  },
  {
    key: 'qt-list',
    inspection: 'qt-patrol',
    unitKey: 'hezhuang',
    title: '意识形态工作责任清单未细化到岗',
    description: '河庄街道责任清单仅列明班子层面责任，未细化到科室和具体岗位，“一岗双责”落实缺乏抓手。',
    category: 'RESPONSIBILITY',
    severity: 'MINOR',
    basis: basis.list,
    deadlineInDays: 15,
    stage: 'SUBMITTED',
    reporter: 'qt.hezhuang',
  },
  {
    key: 'qt-judgement',
    inspection: 'qt-patrol',
    unitKey: 'education',
    title: '意识形态领域形势分析研判不及时',
    description: '区教育局2026年第一季度未召开意识形态工作专题分析研判会，研判报告未按时报送区委宣传部。',
    category: 'RESPONSIBILITY',
    severity: 'MAJOR',
    basis: basis.judgement,
    deadlineInDays: 12,
    stage: 'DISTRICT_REVIEW_PASSED',
    reporter: 'qt.education',
  },
  {
    key: 'qt-lecture',
    inspection: 'qt-patrol',
    unitKey: 'baiyang',
    title: '讲座论坛“一会一报”审批制度执行不严',
    description: '白杨街道2场面向辖区企业的讲座未履行报批手续，主讲人资质和讲稿内容未经审核。',
    category: 'POSITION_MANAGEMENT',
    severity: 'MINOR',
    basis: basis.position,
    deadlineInDays: 20,
    stage: 'VERIFIED',
    reporter: 'qt.baiyang',
  },
  {
    key: 'qt-opinion',
    inspection: 'qt-network',
    unitKey: 'hezhuang',
    title: '网络舆情应急处置流程不健全',
    description: '河庄街道未制定网络舆情应急处置预案，3月一起涉拆迁舆情发现后超过24小时才上报。',
    category: 'ONLINE_OPINION',
    severity: 'SEVERE',
    basis: basis.opinion,
    deadlineInDays: 30,
    stage: 'VERIFIED',
    reporter: 'qt.hezhuang',
  },
  {
    key: 'qt-branch-study',
    inspection: 'qt-self',
    unitKey: 'xiasha',
    title: '党支部“三会一课”意识形态内容安排偏少',
    description: '下沙街道所属12个党支部中有5个全年未安排意识形态专题党课。',
    category: 'STUDY',
    severity: 'MINOR',
    basis: basis.studyRules,
    deadlineInDays: 45,
    stage: 'PLAN_SUBMITTED',
    reporter: 'qt.xiasha',
  },
  {
    key: 'qt-school-platform',
    inspection: 'qt-network',
    unitKey: 'education',
    title: '中小学校园网站信息发布审核把关不严',
    description: '抽查的10所中小学中有3所学校网站存在转载未注明来源、内容未经审核即发布的情况。',
    category: 'POSITION_MANAGEMENT',
    severity: 'MAJOR',
    basis: basis.network,
    deadlineInDays: 18,
    stage: 'EXTENSION_REQUESTED',
    reporter: 'qt.education',
    percent: 50,
  },
  {
    key: 'qt-culture-ledger',
    inspection: 'qt-self',
    unitKey: 'culture',
    title: '文化阵地管理台账不完整',
    description: '区文广旅体局所属文化礼堂、农家书屋阵地管理台账缺失2025年下半年记录。',
    category: 'POSITION_MANAGEMENT',
    severity: 'MINOR',
    basis: basis.position,
    deadlineInDays: 0,
    stage: 'RECORDED',
    reporter: 'qt.admin',
  },
  {
    key: 'qt-organs-rejected',
    inspection: 'qt-patrol',
    unitKey: 'organs',
    title: '机关党员干部网络行为规范教育不足',
    description: '区直属机关党委未组织开展党员干部网络行为规范专题教育，个别党员在朋友圈转发不当言论。',
    category: 'ONLINE_OPINION',
    severity: 'MAJOR',
    basis: basis.opinion,
    deadlineInDays: 22,
    stage: 'REJECTED',
    reporter: 'qt.admin',
  },
  {
    key: 'qt-withdrawn',
    inspection: 'qt-self',
    unitKey: 'yipeng',
    title: '宣传栏内容更新不及时',
    description: '义蓬街道部分社区宣传栏内容超过半年未更新（经核实系统计口径有误，予以撤销）。',
    category: 'POSITION_MANAGEMENT',
    severity: 'MINOR',
    basis: basis.position,
    deadlineInDays: 30,
    stage: 'WITHDRAWN',
    reporter: 'qt.admin',
  },
  {
    key: 'sc-study',
    inspection: 'sc-patrol',
    unitKey: 'xiaoying',
    title: '理论学习中心组学习制度落实不到位',
    description: '小营街道中心组学习以传达文件为主，专题研讨不足，未形成学习成果转化清单。',
    category: 'STUDY',
    severity: 'MINOR',
    basis: basis.studyRules,
    deadlineInDays: 9,
    stage: 'IN_PROGRESS',
    // The district office reports for the unit here: the seed signs in at most ten people a minute (the API's limit).
    reporter: 'sc.admin',
    percent: 80,
  },
  {
    key: 'sc-hubin',
    inspection: 'sc-patrol',
    unitKey: 'hubin',
    title: '涉旅游网络舆情监测机制不健全',
    description: '湖滨街道未建立节假日涉旅游网络舆情专人值守制度。',
    category: 'ONLINE_OPINION',
    severity: 'MAJOR',
    basis: basis.opinion,
    deadlineInDays: 28,
    stage: 'VERIFIED',
    reporter: 'sc.admin',
  },
  {
    key: 'zy-list',
    inspection: 'zy-supervision',
    unitKey: 'linshanzhai',
    title: '意识形态工作责任清单未细化到岗',
    description: '林山寨街道目标责任书未分解到社区，社区层面责任主体不明确。',
    category: 'RESPONSIBILITY',
    severity: 'MAJOR',
    basis: basis.list,
    deadlineInDays: 6,
    stage: 'IN_PROGRESS',
    reporter: 'zy.admin',
    percent: 70,
  },
  {
    key: 'zy-network',
    inspection: 'zy-supervision',
    unitKey: 'jiansheli',
    title: '网络阵地管理员配备不足',
    description: '建设路街道政务新媒体账号未明确专职管理员，账号密码由第三方公司保管。',
    category: 'POSITION_MANAGEMENT',
    severity: 'SEVERE',
    basis: basis.network,
    deadlineInDays: 14,
    stage: 'VERIFIED',
    reporter: 'zy.admin',
  },
];

export type InterviewKind = 'ADMONITION' | 'REMINDER' | 'CAUTION';

export interface DemoInterview {
  key: string;
  district: string;
  by: string;
  kind: InterviewKind;
  interviewers: string[];
  interviewees: string[];
  reason: string;
  findings: string[];
  inDays: number;
  place: string;
  confidential: boolean;
  held?: { minutes: string; commitments: Array<{ text: string; dueInDays: number; fulfilled?: string }> };
}

export const DEMO_INTERVIEWS: DemoInterview[] = [
  {
    key: 'qt-xiasha-reminder',
    district: 'qt',
    by: 'qt.admin',
    kind: 'REMINDER',
    interviewers: ['qt.admin'],
    interviewees: ['qt.xiasha'],
    reason: '网络阵地管理员配备不足问题整改进度滞后，距整改期限不足10天。',
    findings: ['qt-network-admin'],
    inDays: 2,
    place: '区委宣传部3楼会议室',
    confidential: false,
  },
  {
    key: 'qt-baiyang-admonition',
    district: 'qt',
    by: 'hz.inspector',
    kind: 'ADMONITION',
    interviewers: ['hz.inspector', 'qt.admin'],
    interviewees: ['qt.baiyang'],
    reason: '理论学习中心组学习制度落实不到位，巡察反馈后整改推进缓慢。',
    findings: ['qt-study'],
    inDays: 0,
    place: '钱塘区行政中心1号楼第二会议室',
    confidential: false,
    held: {
      minutes: '约谈人指出白杨街道中心组学习次数不足、研讨质量不高等问题，被约谈人表示诚恳接受批评，将制定年度学习计划并严格执行。',
      commitments: [
        { text: '制定2026年度中心组学习计划并报区委宣传部备案', dueInDays: 7, fulfilled: '学习计划已于本周报送备案。' },
        { text: '补开两次专题研讨，形成研讨记录', dueInDays: 20 },
      ],
    },
  },
  {
    key: 'qt-organs-caution',
    district: 'qt',
    by: 'qt.admin',
    kind: 'CAUTION',
    interviewers: ['qt.admin'],
    interviewees: ['qt.education'],
    reason: '校园网站信息发布审核把关不严，个别学校发布不当内容（保密约谈）。',
    findings: ['qt-school-platform'],
    inDays: 5,
    place: '区纪委谈话室',
    confidential: true,
  },
  {
    key: 'zy-reminder',
    district: 'zy',
    by: 'zy.admin',
    kind: 'REMINDER',
    interviewers: ['zy.admin'],
    interviewees: ['zy.linshanzhai'],
    reason: '意识形态工作责任清单未细化到岗，整改期限临近。',
    findings: ['zy-list'],
    inDays: 1,
    place: '中原区委宣传部会议室',
    confidential: false,
  },
];
