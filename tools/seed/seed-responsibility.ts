import { type SeedContext, chinaDate, clientFor, seedKey } from './seed-business';

/** The district whose year is seeded; 钱塘区's is left for people (and the browser tests) to build. */
const DISTRICT = 'sc';
const DISTRICT_ADMIN = 'sc.admin';
const CITY_INSPECTOR = 'hz.inspector';

interface Versioned {
  id: string;
  version: number;
}

const LIST_ITEMS = [
  { title: '理论学习中心组学习', content: '街道党工委理论学习中心组每年集体学习不少于12次，专题研讨意识形态工作不少于2次', firstResponsible: '钱磊' },
  { title: '网络阵地管理', content: '辖区政务新媒体账号实行“三审三校”，每月自查一次并留存记录', firstResponsible: '钱磊' },
  { title: '意识形态分析研判', content: '每季度召开一次意识形态形势分析研判会，重大情况随时报告', firstResponsible: '钱磊' },
];

const KEY_PROJECTS = [
  { title: '网络意识形态阵地建设', category: 'REFORM_INNOVATION', weight: 30, goal: '全区政务新媒体账号实现统一备案、统一审核' },
  { title: '理论宣讲进社区', category: 'HIGHLIGHT', weight: 30, goal: '组建“小营红”理论宣讲团，全年宣讲不少于100场' },
  { title: '意识形态责任制考核', category: 'ROUTINE', weight: 20, goal: '完成对全区各单位的年度责任制考核' },
  { title: '舆情应急处置演练', category: 'OTHER', weight: 20, goal: '全年开展舆情应急处置演练2次' },
];

const monthOf = (date: string): string => date.slice(0, 7);

/**
 * 上城区's year so far: 责任清单 of two units, the city's 目标责任书 with the district and the
 * district's with its units (one still unsigned), the district's 重点工作项目 with last month's
 * progress, and 分析研判月报告 (last month's submitted, this month's due).
 */
export async function seedResponsibility(context: SeedContext): Promise<void> {
  const today = chinaDate(0);
  const year = Number(today.slice(0, 4));
  const thisMonth = monthOf(today);
  const lastMonth = monthOf(chinaDate(-Number(today.slice(8, 10))));
  const tenantId = context.tenantIds.get(DISTRICT)!;
  const unit = (key: string): string => context.unitIds.get(`${DISTRICT}.${key}`)!;
  const admin = await clientFor(context, DISTRICT_ADMIN);
  const city = await clientFor(context, CITY_INSPECTOR);

  for (const key of ['xiaoying', 'hubin']) {
    const created = await admin.request<{ createResponsibilityList: Versioned }>(
      'mutation SeedList($input: CreateResponsibilityListInput!) { createResponsibilityList(input: $input) { id version } }',
      { input: { unitId: unit(key), year, title: `${year}年度意识形态工作责任清单`, idempotencyKey: seedKey('list', key, String(year)) } },
    );
    let list = created.createResponsibilityList;
    for (const [index, item] of LIST_ITEMS.entries()) {
      const added = await admin.request<{ addResponsibilityItem: Versioned }>(
        'mutation SeedItem($input: AddResponsibilityItemInput!) { addResponsibilityItem(input: $input) { id version } }',
        { input: { id: list.id, expectedVersion: list.version, title: item.title, content: item.content, firstResponsible: { name: item.firstResponsible }, idempotencyKey: seedKey('item', key, String(index)) } },
      );
      list = added.addResponsibilityItem;
    }
  }

  const terms = ['落实意识形态工作责任制，党委（党组）书记履行第一责任人职责', '每月报送意识形态分析研判情况', '重大舆情2小时内报告'];
  const letters: Array<{ by: typeof admin; input: Record<string, unknown>; signatories: Array<Record<string, string>> | null }> = [
    {
      by: city,
      input: { level: 'CITY_DISTRICT', tenantId, year, terms },
      signatories: [
        { party: 'ISSUER', name: '王建华', title: '市委宣传部副部长' },
        { party: 'RECIPIENT', name: '孙晓燕', title: '区委常委、宣传部部长' },
      ],
    },
    {
      by: admin,
      input: { level: 'DISTRICT_UNIT', unitId: unit('xiaoying'), year, terms },
      signatories: [
        { party: 'ISSUER', name: '孙晓燕', title: '区委常委、宣传部部长' },
        { party: 'RECIPIENT', name: '钱磊', title: '小营街道党工委副书记' },
      ],
    },
    { by: admin, input: { level: 'DISTRICT_UNIT', unitId: unit('hubin'), year, terms }, signatories: null },
  ];
  for (const [index, letter] of letters.entries()) {
    const { draftTargetLetter: drafted } = await letter.by.request<{ draftTargetLetter: Versioned }>(
      'mutation SeedLetter($input: DraftTargetLetterInput!) { draftTargetLetter(input: $input) { id version } }',
      { input: { ...letter.input, idempotencyKey: seedKey('letter', String(year), String(index)) } },
    );
    if (!letter.signatories) continue;
    await letter.by.request('mutation SeedSign($input: SignTargetLetterInput!) { signTargetLetter(input: $input) { id } }', {
      input: { id: drafted.id, expectedVersion: drafted.version, signatories: letter.signatories, signedOn: `${year}-02-20` },
    });
  }

  let { draftKeyProjectPlan: plan } = await city.request<{ draftKeyProjectPlan: Versioned }>(
    'mutation SeedPlan($input: DraftKeyProjectPlanInput!) { draftKeyProjectPlan(input: $input) { id version } }',
    { input: { tenantId, year, idempotencyKey: seedKey('plan', String(year)) } },
  );
  let projectIds: string[] = [];
  for (const project of KEY_PROJECTS) {
    const added = await city.request<{ addKeyProject: Versioned & { projects: Array<{ id: string }> } }>(
      'mutation SeedProject($input: AddKeyProjectInput!) { addKeyProject(input: $input) { id version projects { id } } }',
      { input: { id: plan.id, expectedVersion: plan.version, ...project, milestones: [{ month: lastMonth, target: '完成年度任务的九成' }, { month: thisMonth, target: '全面完成' }] } },
    );
    plan = added.addKeyProject;
    projectIds = added.addKeyProject.projects.map((entry) => entry.id);
  }
  ({ confirmKeyProjectPlan: plan } = await city.request<{ confirmKeyProjectPlan: Versioned }>(
    'mutation SeedConfirm($input: ConfirmKeyProjectPlanInput!) { confirmKeyProjectPlan(input: $input) { id version } }',
    { input: { id: plan.id, expectedVersion: plan.version } },
  ));
  for (const [index, projectId] of projectIds.slice(0, 3).entries()) {
    ({ reportKeyProjectProgress: plan } = await admin.request<{ reportKeyProjectProgress: Versioned }>(
      'mutation SeedProgress($input: ReportKeyProjectProgressInput!) { reportKeyProjectProgress(input: $input) { id version } }',
      { input: { id: plan.id, expectedVersion: plan.version, projectId, month: lastMonth, completionPercent: [95, 90, 80][index], summary: '按计划推进，已完成阶段目标', evidenceHashes: [] } },
    ));
  }

  const schedule = (month: string, dueDate: string) =>
    city.request<{ scheduleMonthlyReport: Versioned }>('mutation SeedSchedule($input: ScheduleMonthlyReportInput!) { scheduleMonthlyReport(input: $input) { id version } }', {
      input: { tenantId, month, dueDate, idempotencyKey: seedKey('report', month) },
    });
  const { scheduleMonthlyReport: previous } = await schedule(lastMonth, `${thisMonth}-05`);
  await admin.request('mutation SeedSubmit($input: SubmitMonthlyReportInput!) { submitMonthlyReport(input: $input) { id } }', {
    input: { id: previous.id, expectedVersion: previous.version, content: `${lastMonth} 全区意识形态领域总体平稳；网络舆情以民生诉求为主，已逐条回应。`, attachmentHashes: [] },
  });
  await schedule(thisMonth, chinaDate(10));
  context.log(`上城区: 2 responsibility lists, 3 target letters (1 unsigned), ${KEY_PROJECTS.length} key projects, 2 monthly reports`);
}
