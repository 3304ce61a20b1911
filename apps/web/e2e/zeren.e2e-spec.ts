import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './browser';
import { choose, DEMO_PASSWORD, PLATFORM_PASSWORD, newPage, signIn, signedInPage, startRecordingFinding, startSeededServer, type SeededServer } from './harness';

// One seeded server for the whole journey: the steps build on each other like a working day.
let seeded: SeededServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  seeded = await startSeededServer();
  url = seeded.url;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await seeded?.stop();
});

async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByTestId('main-menu').getByRole('link', { name: label }).click();
}

describe('signing in and the shell', () => {
  it('refuses a wrong password with the API’s Chinese message', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(url);
    await page.getByLabel('登录名').fill('qt.admin');
    await page.getByLabel('密码').fill('not-the-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('api-error').waitFor();
    expect(await page.getByTestId('api-error').textContent()).toMatch(/[\u4e00-\u9fa5]/);
    await context.close();
  });

  it('shows who is signed in, as what and where; keeps the session across a reload; signs out', async () => {
    const { page, context, errors } = await signedInPage(browser, url, 'qt.admin');
    expect(await page.getByTestId('viewer-name').textContent()).toBe('李明');
    expect(await page.getByTestId('viewer-role').textContent()).toBe('区县管理员');
    expect(await page.getByTestId('viewer-place').textContent()).toBe('钱塘区');
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes a password, after which only the new one signs in', async () => {
    const { page, context } = await signedInPage(browser, url, 'zy.auditor');
    await page.getByTestId('user-menu').click();
    await page.getByText('修改密码').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await dialog.getByLabel('新密码', { exact: true }).fill('Changed-pass-2026');
    await dialog.getByLabel('确认新密码').fill('Changed-pass-2026');
    await screenshot(page, 'change-password');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('密码已修改').waitFor();
    await context.close();
    const again = await newPage(browser);
    await signIn(again.page, url, 'zy.auditor', 'Changed-pass-2026');
    await again.context.close();
  });

  it('shows each role only the pages it may use', async () => {
    const expectations: Array<[string, string[]]> = [
      ['platform', ['管理']],
      ['hz.inspector', ['首页', '检查', '整改台账', '约谈', '责任考核', '审计']],
      ['qt.auditor', ['首页', '检查', '整改台账', '约谈', '责任考核', '审计']],
    ];
    for (const [username, menu] of expectations) {
      const { page, context } = await newPage(browser);
      await signIn(page, url, username, username === 'platform' ? PLATFORM_PASSWORD : DEMO_PASSWORD);
      const items = await page.getByTestId('main-menu').getByRole('link').allTextContents();
      expect(items).toEqual(menu);
      await context.close();
    }
  });
});

describe('administration', () => {
  it('lets the platform create cities and districts', async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, url, 'platform', PLATFORM_PASSWORD);
    await page.getByText('杭州市（330100）').waitFor();
    await page.getByText('钱塘区').first().waitFor();
    await screenshot(page, 'admin-platform');
    await context.close();
  });

  it('lets a district administrator manage people and issue an API token shown once', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await openMenu(page, '管理');
    await page.getByRole('tab', { name: '单位' }).waitFor();
    await page.getByText('区文化和广电旅游体育局').waitFor();
    await screenshot(page, 'admin-units');
    await page.getByRole('tab', { name: '人员与角色' }).click();
    await page.getByText('qt.auditor').waitFor();
    await screenshot(page, 'admin-people');
    await page.getByRole('tab', { name: '接口令牌' }).click();
    await page.getByTestId('issue-token').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('令牌名称').fill('区大屏');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    const token = await page.getByTestId('issued-token').textContent();
    expect(token).toMatch(/^zr_[0-9a-f-]{36}_/);
    await page.waitForTimeout(600);
    await screenshot(page, 'admin-token-shown-once');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('cell', { name: '区大屏' }).waitFor();
    await page.getByTestId('issued-token').waitFor({ state: 'detached' });
    expect(await page.getByText(token!).count()).toBe(0);
    await context.close();
  });
});

/** Opens a finding from the ledger by its title, as a person would. */
async function openFinding(page: Page, title: string): Promise<string> {
  await page.goto(`${url}/ledger?search=${encodeURIComponent(title)}`);
  await page.getByTestId('findings-table').getByRole('link', { name: title }).first().click();
  await page.getByTestId('finding-title').filter({ hasText: title }).waitFor();
  return page.url().split('/findings/')[1]!;
}

/** The 钱塘区 row of the city dashboard's ranking: [recorded, verified, rate]. */
async function qiantangFigures(page: Page): Promise<string[]> {
  const row = page.getByTestId('ranking').getByRole('row').filter({ hasText: '钱塘区' });
  await row.waitFor();
  const cells = await row.getByRole('cell').allTextContents();
  return cells.slice(2, 5);
}

const NETWORK_FINDING = '网络阵地管理员配备不足';
let networkFindingId = '';

describe('rectification of a finding, from check-in to sign-off', () => {
  it('lets a unit officer report progress with evidence and submit it, and the district office sees it live', async () => {
    const officer = await signedInPage(browser, url, 'qt.xiasha');
    networkFindingId = await openFinding(officer.page, NETWORK_FINDING);
    const admin = await signedInPage(browser, url, 'qt.admin');
    await admin.page.goto(`${url}/findings/${networkFindingId}`);
    await admin.page.getByTestId('finding-progress').filter({ hasText: '40%' }).waitFor();

    await officer.page.getByRole('button', { name: '填报整改进展' }).click();
    const dialog = officer.page.getByRole('dialog');
    await dialog.getByLabel('完成比例').fill('100');
    await dialog.getByLabel('进展情况').fill('已为5个网络平台各配备1名专职管理员，“三审三校”制度已印发执行。');
    await dialog.locator('input[type=file]').setInputFiles({ name: '管理员任命文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 下沙街道网络阵地管理员任命\n%%EOF\n') });
    await dialog.getByText('管理员任命文件.pdf').waitFor();
    await dialog.locator('.ant-upload-list-item-done').waitFor();
    await screenshot(officer.page, 'finding-check-in-form');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await officer.page.getByTestId('check-ins').getByText('管理员任命文件.pdf').waitFor();

    // The district office's open page follows without a reload (subscription findingChanged).
    await admin.page.getByTestId('check-ins').getByText('已为5个网络平台', { exact: false }).waitFor({ timeout: 15_000 });

    await officer.page.getByTestId('finding-actions').getByRole('button', { name: '申请销号' }).click();
    await officer.page.getByRole('dialog').getByLabel('说明').fill('整改已完成，申请销号。');
    await officer.page.getByRole('dialog').getByRole('button', { name: '申请销号' }).click();
    await officer.page.getByTestId('finding-status').filter({ hasText: '已申请销号' }).waitFor();
    await screenshot(officer.page, 'finding-submitted');
    expect(officer.errors).toEqual([]);
    await officer.context.close();
    await admin.context.close();
  });

  it('lets the district administrator pass the first review', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await page.goto(`${url}/findings/${networkFindingId}`);
    await page.getByTestId('finding-actions').getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('dialog').getByLabel('意见').fill('整改措施落实到位，同意报市级销号。');
    await page.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    await page.getByTestId('finding-status').filter({ hasText: '区级审核通过' }).waitFor();
    // The district may not sign off: that is the city's.
    expect(await page.getByTestId('finding-actions').getByRole('button', { name: /销\s*号/ }).count()).toBe(0);
    await context.close();
  });

  it('lets the city inspector sign off, and the district’s rate goes up on the dashboard', async () => {
    const { page, context } = await signedInPage(browser, url, 'hz.inspector');
    const [recorded, verifiedBefore, rateBefore] = await qiantangFigures(page);
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    await page.waitForTimeout(1500); // the chart's entry animation
    await screenshot(page, 'dashboard-city');
    await page.goto(`${url}/findings/${networkFindingId}`);
    await page.getByTestId('finding-actions').getByRole('button', { name: /^销\s*号$/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^销\s*号$/ }).click();
    await page.getByTestId('finding-status').filter({ hasText: '已销号' }).waitFor();
    await screenshot(page, 'finding-verified');
    await openMenu(page, '首页');
    await page.getByTestId('ranking').getByRole('row').filter({ hasText: '钱塘区' }).filter({ hasText: String(Number(verifiedBefore) + 1) }).waitFor();
    const [recordedAfter, verifiedAfter, rateAfter] = await qiantangFigures(page);
    expect(recordedAfter).toBe(recorded);
    expect(Number(verifiedAfter)).toBe(Number(verifiedBefore) + 1);
    expect(parseFloat(rateAfter!)).toBeGreaterThan(parseFloat(rateBefore!));

    // As of yesterday nothing had been recorded yet: the figures are reproduced for that day.
    await page.getByTestId('as-of').click();
    const yesterday = new Date(Date.now() - 86_400_000);
    await page.locator(`td[title="${yesterday.toISOString().slice(0, 10)}"]`).click();
    await page.getByTestId('rate').filter({ hasText: '—' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    await screenshot(page, 'dashboard-as-of-yesterday');
    await context.close();
  });

  it('answers CONFLICT, with a reload prompt, when someone else acted first; it never overwrites', async () => {
    const first = await signedInPage(browser, url, 'qt.baiyang');
    const second = await signedInPage(browser, url, 'qt.baiyang');
    const id = await openFinding(first.page, '理论学习中心组学习制度落实不到位');
    await second.page.goto(`${url}/findings/${id}`);
    await first.page.getByTestId('finding-actions').getByRole('button', { name: '填报整改进展' }).click();
    await first.page.getByRole('dialog').getByLabel('完成比例').fill('70');
    await first.page.getByRole('dialog').getByLabel('进展情况').fill('补开一次专题研讨。');

    await second.page.getByTestId('finding-actions').getByRole('button', { name: '填报整改进展' }).click();
    await second.page.getByRole('dialog').getByLabel('完成比例').fill('80');
    await second.page.getByRole('dialog').getByLabel('进展情况').fill('补开两次专题研讨，形成研讨记录。');
    await second.page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await second.page.getByRole('dialog').waitFor({ state: 'detached' });

    await first.page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await first.page.getByTestId('conflict-alert').waitFor();
    await screenshot(first.page, 'finding-conflict');
    await first.page.getByRole('button', { name: '刷新为最新内容' }).click();
    await first.page.getByTestId('check-ins').getByText('补开两次专题研讨，形成研讨记录。').waitFor();
    expect(await first.page.getByTestId('check-ins').getByText('补开一次专题研讨。').count()).toBe(0);
    await first.context.close();
    await second.context.close();
  });

  it('lets the district office approve a requested extension, moving the deadline', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await openFinding(page, '中小学校园网站信息发布审核把关不严');
    const deadlineBefore = await page.getByTestId('finding-details').getByRole('cell').nth(4).textContent();
    await page.getByTestId('finding-actions').getByRole('button', { name: '批准延期' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '批准延期' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('finding-timeline').getByText('批准延期').waitFor();
    expect(await page.getByTestId('finding-details').getByRole('cell').nth(4).textContent()).not.toBe(deadlineBefore);
    expect(await page.getByTestId('finding-actions').getByRole('button', { name: '批准延期' }).count()).toBe(0);
    await screenshot(page, 'finding-extension-approved');
    await context.close();
  });

  it('lets the district office reassign a finding to another unit', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await openFinding(page, '文化阵地管理台账不完整');
    await page.getByTestId('finding-actions').getByRole('button', { name: '改派责任单位' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog.getByLabel('改派至'), '区委宣传部');
    await dialog.getByLabel('原因').fill('文化阵地台账由区委宣传部统一管理。');
    await dialog.getByRole('button', { name: '改派责任单位' }).click();
    await page.getByTestId('finding-details').getByText('区委宣传部').waitFor();
    await page.getByTestId('finding-timeline').getByText('改派责任单位').waitFor();
    await context.close();
  });

  it('lets the city reopen a signed-off finding in a follow-up inspection (回头看)', async () => {
    const { page, context } = await signedInPage(browser, url, 'hz.inspector');
    await openMenu(page, '检查');
    await page.getByTestId('inspections-table').getByRole('link', { name: '专项巡察整改情况“回头看”' }).click();
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('检查中').first().waitFor();
    await openFinding(page, '讲座论坛“一会一报”审批制度执行不严');
    await page.getByTestId('finding-actions').getByRole('button', { name: '重新打开' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog.getByLabel('回头看检查'), '专项巡察整改情况“回头看”');
    const inAMonth = new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await dialog.getByLabel('新的整改期限').fill(inAMonth);
    await dialog.getByLabel('新的整改期限').press('Enter');
    await dialog.getByLabel('原因').fill('回头看发现讲座报批制度执行出现反弹。');
    await dialog.locator('.ant-modal-title').click();
    await page.waitForTimeout(400); // the date picker's exit animation
    await screenshot(page, 'finding-reopen');
    await dialog.getByRole('button', { name: '重新打开' }).click();
    await page.getByTestId('finding-status').filter({ hasText: '待制定整改方案' }).or(page.getByTestId('finding-status').filter({ hasText: '整改中' })).waitFor();
    await page.getByTestId('finding-timeline').getByText('重新打开').waitFor();
    await context.close();
  });

  it('keeps a unit officer to its own unit’s findings', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.baiyang');
    await openMenu(page, '整改台账');
    await page.getByTestId('findings-table').getByRole('link').first().waitFor();
    const units = await page.getByTestId('findings-table').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(units)).toEqual(new Set(['白杨街道']));
    await page.goto(`${url}/findings/${networkFindingId}`);
    await page.getByText('问题不存在或您无权查看').waitFor();
    await screenshot(page, 'finding-not-visible');
    await context.close();
  });
});

describe('the ledger, inspections, interviews and the audit trail', () => {
  it('filters and sorts the ledger', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await openMenu(page, '整改台账');
    await page.getByTestId('findings-table').getByRole('link').first().waitFor();
    await page.getByTestId('status-filter').click();
    await page.getByTitle('整改中').click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/statuses=IN_PROGRESS/);
    await page.getByTestId('findings-table').getByRole('columnheader', { name: '整改期限' }).click();
    await page.waitForURL((address) => address.searchParams.get('order') === 'DEADLINE_ASC' && address.searchParams.get('statuses') === 'IN_PROGRESS');
    await page.getByTestId('findings-table').locator('th[aria-sort="ascending"]').waitFor();
    // The spinner may not have appeared yet when the URL changes: wait for the re-queried rows instead.
    await page.waitForFunction(`(() => {
      const cells = [...document.querySelectorAll('[data-testid="findings-table"] [data-testid="finding-status"]')];
      return cells.length > 0 && cells.every((cell) => cell.textContent === '整改中') && !document.querySelector('[data-testid="findings-table"] .ant-spin-spinning');
    })()`);
    const deadlines = await page.getByTestId('findings-table').locator('tbody tr td:nth-child(4)').allTextContents();
    expect(deadlines).toEqual([...deadlines].sort());
    const statuses = await page.getByTestId('findings-table').getByTestId('finding-status').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['整改中']));
    await screenshot(page, 'ledger');
    await context.close();
  });

  it('exports the filtered ledger to an Excel file whose rows match the table', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await page.goto(`${url}/ledger?statuses=IN_PROGRESS,SUBMITTED,DISTRICT_REVIEW_PASSED,VERIFIED`);
    await page.getByTestId('findings-table').getByRole('link').first().waitFor();
    const tableRows = await page.getByTestId('findings-table').locator('tbody tr.ant-table-row').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
    const column = (name: RegExp): number => headers.findIndex((header) => name.test(header));
    for (const name of [/单位/, /期限/, /状态/, /进展/, /逾期/]) expect(column(name)).toBeGreaterThan(0);
    const cell = (row: number, index: number): string => {
      const value = sheet.getRow(row).getCell(index).value;
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').trim();
    };
    const exported = Array.from({ length: sheet.actualRowCount - 1 }, (_, index) => `${cell(index + 2, column(/单位/))}|${cell(index + 2, column(/期限/))}`);
    // The table's unit and deadline columns (2nd and 4th), one row per finding.
    expect(exported.sort()).toEqual(tableRows.map((cells) => `${cells[1]}|${cells[3]}`).sort());
    await context.close();
  });

  it('lists inspections and shows one with its findings', async () => {
    const { page, context } = await signedInPage(browser, url, 'hz.inspector');
    await openMenu(page, '检查');
    await page.getByTestId('inspections-table').getByRole('link', { name: /专项巡察（钱塘区）/ }).click();
    await page.getByTestId('findings-table').getByRole('link', { name: '理论学习中心组学习制度落实不到位' }).waitFor();
    await screenshot(page, 'inspection-detail');
    await openMenu(page, '检查');
    await page.getByTestId('plan-inspection').click();
    await screenshot(page, 'inspection-plan-form');
    await context.close();
  });

  it('lets the district office plan an inspection, start it and record a finding in it', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await openMenu(page, '检查');
    await page.getByTestId('inspections-table').getByRole('link').first().waitFor();
    await screenshot(page, 'inspections');
    await page.getByTestId('plan-inspection').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill('网络意识形态阵地交叉检查');
    await choose(page, dialog.getByLabel('类型'), '交叉检查');
    await dialog.getByRole('combobox', { name: /指定单位/ }).click();
    await page.locator('.ant-select-item-option[title="河庄街道"]').click();
    await page.keyboard.press('Escape');
    await dialog.getByPlaceholder('开始日期').click();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.locator(`td[title="${today}"]`).first().click();
    await page.locator(`td[title="${today}"]`).first().click();
    await dialog.getByLabel('检查组成员').fill('李明、沈佳');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('inspections-table').getByRole('link', { name: '网络意识形态阵地交叉检查' }).click();
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('检查中').first().waitFor();
    const record = await startRecordingFinding(page, { unit: '河庄街道', title: '街道公众号未落实“三审三校”', description: '抽查发现河庄街道公众号3篇推文未经审核即发布。' });
    // 钱塘区 keeps no 责任清单 in the demo: the basis is a rule, named by hand.
    await choose(page, record.getByLabel('依据类型'), '制度规定');
    await record.getByLabel('依据条目').fill('《党委（党组）意识形态工作责任制实施办法》第八条');
    await record.getByLabel('依据原文').fill('建立健全审核发布制度。');
    await record.locator('.ant-modal-title').click();
    await screenshot(page, 'inspection-record-finding');
    await record.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('findings-table').getByRole('link', { name: '街道公众号未落实“三审三校”' }).waitFor();
    await context.close();
  });

  it('lets the district office schedule a 约谈', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await openMenu(page, '约谈');
    await page.getByTestId('schedule-interview').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('约谈对象').click();
    await page.locator('.ant-select-item-option[title="吴芳"]').click();
    await page.keyboard.press('Escape');
    await dialog.getByLabel('约谈事由').fill('网络舆情应急处置流程不健全，提醒抓紧完善预案。');
    const inAWeek = new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await dialog.getByLabel('约谈时间').fill(`${inAWeek} 09:30`);
    await dialog.getByLabel('约谈时间').press('Enter');
    await dialog.getByLabel('地点').fill('河庄街道办事处二楼会议室');
    await dialog.locator('.ant-modal-title').click();
    await screenshot(page, 'interview-schedule');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('interview-list').getByText('河庄街道办事处二楼会议室').waitFor();
    await context.close();
  });

  it('shows 约谈 as a list and a calendar, hiding confidential ones from people not named', async () => {
    const admin = await signedInPage(browser, url, 'qt.admin');
    await openMenu(admin.page, '约谈');
    await admin.page.getByTestId('interview-list').getByText('区纪委谈话室').waitFor();
    await screenshot(admin.page, 'interviews-list');
    await admin.page.getByText('日历', { exact: true }).click();
    await admin.page.locator('.calendar-events li').first().waitFor();
    await screenshot(admin.page, 'interviews-calendar');
    await admin.context.close();

    const officer = await signedInPage(browser, url, 'qt.baiyang');
    await openMenu(officer.page, '约谈');
    await officer.page.getByTestId('interview-list').getByText('钱塘区行政中心1号楼第二会议室').waitFor();
    expect(await officer.page.getByText('区纪委谈话室').count()).toBe(0);
    await officer.context.close();
  });

  it('records a 约谈 held, with a commitment, and marks the commitment fulfilled', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await openMenu(page, '约谈');
    const row = page.getByTestId('interview-list').getByRole('row').filter({ hasText: '区委宣传部3楼会议室' });
    await row.getByRole('button', { name: '记录约谈情况' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('约谈纪要').fill('指出下沙街道网络阵地管理员配备不足问题整改滞后，被约谈人表示立即整改。');
    await dialog.getByLabel('承诺事项').fill('一周内完成管理员配备');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('已约谈').waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByRole('button', { name: '标记已履行' }).first().click();
    await page.getByRole('dialog').getByLabel('履行情况').fill('已完成配备。');
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText(/已履行/).first().waitFor();
    await screenshot(page, 'interview-held');
    await context.close();
  });

  it('shows the actions just done in the audit explorer, and verifies the chain', async () => {
    const { page, context } = await signedInPage(browser, url, 'hz.inspector');
    await openMenu(page, '审计');
    await choose(page, page.getByTestId('audit-filters').getByTestId('district-select'), '钱塘区');
    await page.getByPlaceholder('记录编号').fill(networkFindingId);
    await page.getByPlaceholder('记录编号').press('Enter');
    const events = page.getByTestId('audit-events');
    for (const type of ['销号', '区级审核通过', '申请销号', '填报整改进展']) await events.getByText(type, { exact: true }).first().waitFor();
    expect(await events.getByText('周涛（单位联络员）').count()).toBeGreaterThan(0);
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('chain-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('chain-result').textContent()).toContain('哈希链完整');
    await screenshot(page, 'audit');
    await context.close();
  });

  it('switches the whole interface to English', async () => {
    const { page, context } = await signedInPage(browser, url, 'hz.inspector');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('main-menu').getByRole('link', { name: 'Dashboard' }).waitFor();
    await page.getByText('Rectification rate').first().waitFor();
    await screenshot(page, 'dashboard-english');
    await context.close();
  });
});

describe('notifications', () => {
  it('shows a unit officer its unread notifications and opens the finding from one', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.xiasha');
    // Notifications are written by an asynchronous consumer: look again until they are there.
    for (let attempt = 0; attempt < 30 && (await page.getByTestId('notifications').locator('.ant-badge-count').count()) === 0; attempt += 1) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByTestId('notifications').waitFor();
    }
    await page.getByTestId('notifications').click();
    await page.getByText('新的整改任务：党支部“三会一课”意识形态内容安排偏少').waitFor();
    await page.waitForTimeout(500); // the popover's entry animation
    await screenshot(page, 'notifications');
    await page.getByText('新的整改任务：党支部“三会一课”意识形态内容安排偏少').click();
    await page.getByTestId('finding-title').filter({ hasText: '党支部“三会一课”意识形态内容安排偏少' }).waitFor();
    await context.close();
  });
});
