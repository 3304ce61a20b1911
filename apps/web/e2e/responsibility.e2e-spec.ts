import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './browser';
import { choose, signedInPage, startRecordingFinding, startSeededServer, type SeededServer } from './harness';

// One seeded server: the year's cycle builds step by step, the district and the city taking turns.
let seeded: SeededServer;
let browser: Browser;
let url: string;
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

beforeAll(async () => {
  seeded = await startSeededServer();
  url = seeded.url;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await seeded?.stop();
});

async function openCycle(page: Page, tab: string): Promise<void> {
  await page.getByTestId('main-menu').getByRole('link', { name: '责任考核' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

async function submitDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  // A refusal keeps the dialog open with the API's message: fail with that message.
  await dialog.waitFor({ state: 'detached', timeout: 10_000 }).catch(async () => {
    throw new Error(`the dialog stayed open: ${await dialog.textContent()}`);
  });
}

async function pickDistrict(page: Page, name: string): Promise<void> {
  await choose(page, page.getByTestId('district-select'), name);
}

describe('the annual responsibility cycle in the browser', () => {
  it('lets the district keep a unit’s 责任清单 with its first responsible person', async () => {
    const { page, context, errors } = await signedInPage(browser, url, 'qt.admin');
    await openCycle(page, '责任清单');
    await page.getByTestId('create-list').click();
    await choose(page, page.getByRole('dialog').getByLabel('单位'), '河庄街道');
    await submitDialog(page);
    const list = page.getByTestId('responsibility-list').filter({ hasText: '河庄街道' });
    await list.getByRole('button', { name: '添加责任事项' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('事项').fill('中心组学习');
    await dialog.getByLabel('内容').fill('党工委理论学习中心组每年集体学习不少于12次');
    await dialog.getByLabel('第一责任人').fill('陈强');
    await submitDialog(page);
    await list.getByText('中心组学习（第一责任人：陈强）').waitFor();
    await screenshot(page, 'responsibility-lists');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a finding cite the list’s item as its basis, and lists the finding under the item', async () => {
    const { page, context, errors } = await signedInPage(browser, url, 'qt.admin');
    await page.getByTestId('main-menu').getByRole('link', { name: '检查' }).click();
    await page.getByTestId('inspections-table').getByRole('link', { name: '网络意识形态阵地管理专项督查' }).click();
    const record = await startRecordingFinding(page, { unit: '河庄街道', title: '中心组学习次数不足', description: '上半年中心组集体学习仅2次。' });
    // The basis is picked from the unit's 责任清单; the item's content becomes the basis text.
    await choose(page, record.getByLabel('依据的责任清单事项'), '中心组学习');
    expect(await record.getByLabel('依据原文').inputValue()).toBe('党工委理论学习中心组每年集体学习不少于12次');
    await submitDialog(page);
    await openCycle(page, '责任清单');
    await page.getByTestId('responsibility-list').filter({ hasText: '河庄街道' }).getByTestId('citing-findings').getByText('中心组学习次数不足').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the units that have not signed their 目标责任书 until they sign', async () => {
    const { page, context } = await signedInPage(browser, url, 'qt.admin');
    await openCycle(page, '目标责任书');
    await page.getByTestId('draft-letter').click();
    await choose(page, page.getByRole('dialog').getByLabel('承接单位'), '河庄街道');
    await page.getByRole('dialog').getByLabel('责任条款（每行一条）').fill('落实意识形态工作责任制\n每月报送分析研判情况');
    await submitDialog(page);
    expect(await page.getByTestId('unsigned-units').textContent()).toContain('河庄街道');
    await page.getByTestId('target-letters').getByRole('button', { name: /签\s*订/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('发出方签订人').fill('李明');
    await dialog.getByLabel('职务').first().fill('区委书记');
    await dialog.getByLabel('承接方签订人').fill('陈强');
    await dialog.getByLabel('职务').last().fill('街道党工委书记');
    await submitDialog(page);
    await page.getByTestId('target-letters').getByText('已签订').waitFor();
    expect(await page.getByTestId('unsigned-units').textContent()).not.toContain('河庄街道');
    await screenshot(page, 'target-letters');
    await context.close();
  });

  it('lets the city set the district’s key projects, refusing weights that do not make 100, and schedule a monthly report', async () => {
    const { page, context } = await signedInPage(browser, url, 'hz.inspector');
    await openCycle(page, '重点工作项目');
    await pickDistrict(page, '钱塘区');
    await page.getByTestId('draft-plan').click();
    await submitDialog(page);
    const plan = page.getByTestId('key-project-plan');
    await plan.getByRole('button', { name: '添加项目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目名称').fill('新时代文明实践阵地建设');
    await dialog.getByLabel('权重（%）').fill('60');
    await dialog.getByLabel('目标', { exact: true }).fill('建成实践站98个');
    await dialog.getByLabel('月度节点（每行：YYYY-MM 节点目标）').fill(`${YEAR}-01 完成选址`);
    await submitDialog(page);
    await page.getByTestId('confirm-plan').click();
    // 60% is not a whole plan: the API's Chinese refusal is shown and the plan stays a draft.
    await page.getByText('各项目权重合计为60%，应为100%').waitFor();
    await plan.getByRole('button', { name: '添加项目' }).click();
    await dialog.getByLabel('项目名称').fill('网络意识形态阵地管理');
    await dialog.getByLabel('权重（%）').fill('40');
    await dialog.getByLabel('目标', { exact: true }).fill('公众号三审三校全覆盖');
    await dialog.getByLabel('月度节点（每行：YYYY-MM 节点目标）').fill(`${YEAR}-01 排查账号`);
    await submitDialog(page);
    await page.getByTestId('confirm-plan').click();
    await plan.getByText(/已确定 · 权重合计 100%/).waitFor();

    await page.getByRole('tab', { name: '分析研判月报告' }).click();
    await page.getByTestId('schedule-report').click();
    await page.getByRole('dialog').getByLabel('月份（YYYY-MM）').fill(`${YEAR}-01`);
    await page.getByRole('dialog').getByLabel('截止日期（YYYY-MM-DD）').fill(`${YEAR}-01-01`);
    await submitDialog(page);
    await page.getByTestId('monthly-reports').getByText('逾期未报').waitFor();
    await page.getByTestId('monthly-reports').getByText('红色预警').waitFor();
    await screenshot(page, 'monthly-reports-city');
    await context.close();
  });

  it('lets the district report progress and its late monthly report, and ranks its units with the events behind each score', async () => {
    const { page, context, errors } = await signedInPage(browser, url, 'qt.admin');
    await openCycle(page, '重点工作项目');
    await page.getByTestId('report-progress').click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog.getByLabel('项目', { exact: true }), '新时代文明实践阵地建设');
    await dialog.getByLabel('月份').fill(`${YEAR}-01`);
    await dialog.getByLabel('完成度（%）').fill('50');
    await dialog.getByLabel('进展情况').fill('已完成全部选址');
    await submitDialog(page);
    await page.getByTestId('key-project-plan').getByText('加权完成度 30%', { exact: false }).waitFor();

    await page.getByRole('tab', { name: '分析研判月报告' }).click();
    await page.getByTestId('monthly-reports').getByRole('button', { name: /报\s*送/ }).click();
    await page.getByRole('dialog').getByLabel('研判内容').fill('一月网络舆情总体平稳，重点关注……');
    await submitDialog(page);
    await page.getByTestId('monthly-reports').getByText('逾期报送').waitFor();

    await page.getByRole('tab', { name: '年度考核' }).click();
    await page.getByTestId('assessment-rules').waitFor();
    const row = page.getByTestId('assessment-ranking').getByRole('row').filter({ hasText: '河庄街道' });
    await row.getByRole('button').first().click();
    const lines = page.getByTestId('score-lines').first();
    await lines.getByText('整改率').waitFor();
    await screenshot(page, 'assessment');

    await page.getByTestId('main-menu').getByRole('link', { name: '首页' }).click();
    await page.getByTestId('assessment-card').getByText('河庄街道').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the whole cycle in English once English is chosen, the dashboard’s ranking too', async () => {
    const { page, context, errors } = await signedInPage(browser, url, 'qt.admin');
    await page.getByTestId('language-switch').click();
    // Every section fits the menu at a desktop width in English too: none folds into the overflow "…".
    for (const name of ['Dashboard', 'Inspections', 'Ledger', 'Interviews', 'Responsibility', 'Audit', 'Admin']) {
      await page.getByTestId('main-menu').getByRole('link', { name, exact: true }).waitFor({ state: 'visible', timeout: 5000 });
    }
    // The choice is kept on the device: the page opened by its address is English too.
    await page.goto(`${url}/responsibility`);
    await page.getByText('Responsibility and assessment').first().waitFor();
    const tabs = ['Responsibility lists', 'Target letters', 'Key work projects', 'Monthly analysis reports', 'Annual assessment'];
    for (const tab of tabs) await page.getByRole('tab', { name: tab }).waitFor();
    await page.getByTestId('create-list').getByText('New responsibility list').waitFor();
    await page.getByText('(first responsible: 陈强)', { exact: false }).first().waitFor();

    await page.getByRole('tab', { name: 'Target letters' }).click();
    await page.getByTestId('target-letters').getByText('District → unit').first().waitFor();
    await page.getByTestId('target-letters').getByText('Signed', { exact: true }).first().waitFor();

    await page.getByRole('tab', { name: 'Key work projects' }).click();
    await page.getByTestId('key-project-plan').getByText(/Confirmed · weights total 100%/).waitFor();

    await page.getByRole('tab', { name: 'Monthly analysis reports' }).click();
    await page.getByTestId('monthly-reports').getByText('Late', { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Submission' }).waitFor();

    await page.getByRole('tab', { name: 'Annual assessment' }).click();
    await page.getByTestId('assessment-rules').getByText(/^Rules version/).waitFor();
    const row = page.getByTestId('assessment-ranking').getByRole('row').filter({ hasText: '河庄街道' });
    await row.getByRole('button').first().click();
    await page.getByTestId('score-lines').first().getByText('Rectification rate').waitFor();
    // The page's own words are all English now; what stays Chinese is the district's data (names, titles).
    expect(await page.getByRole('tablist').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'assessment-english');

    await page.getByTestId('main-menu').getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('assessment-card').getByText(`Assessment ranking ${YEAR}`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ranks the city’s districts for the city inspector', async () => {
    const { page, context } = await signedInPage(browser, url, 'hz.inspector');
    await openCycle(page, '年度考核');
    const row = page.getByTestId('assessment-ranking').getByRole('row').filter({ hasText: '钱塘区' });
    await row.getByRole('button').first().click();
    // January's report came in late: the line names the events it counts, by place in the chain.
    await page.getByTestId('score-lines').getByText('MonthlyReportSubmitted').first().waitFor();
    await context.close();
  });
});
