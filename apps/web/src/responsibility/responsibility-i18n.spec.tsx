// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentQuery } from '../generated/graphql';
import { LocaleProvider } from '../i18n/locale';
import { en, zh, type MessageKey } from '../i18n/messages';
import { AssessmentRanking } from './assessment-ranking';

const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/;
/** The responsibility pages and the dashboard's ranking card, which shows the same ranking. */
const PAGE_FILES = [
  ...readdirSync(__dirname)
    .filter((name) => name.endsWith('.tsx') && !name.endsWith('.spec.tsx'))
    .map((name) => join(__dirname, name)),
  join(__dirname, '../dashboard/assessment-ranking-card.tsx'),
];
/** The catalogue's groups the pages use: their own words and the labels of the cycle's enums. */
const GROUPS = ['responsibility', 'keyProjectCategory', 'targetLetterLevel', 'targetLetterStatus', 'keyProjectPlanStatus', 'monthlyReportStatus', 'reportStanding', 'assessmentCriterion', 'criterionMeasure'];

/** The code without its comments, which may name things in Chinese. */
const withoutComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');

describe('the responsibility pages in English', () => {
  it('write no words of their own: every text comes from the catalogue', () => {
    expect(PAGE_FILES.length).toBeGreaterThan(6);
    const literal = PAGE_FILES.flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => CHINESE.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(literal).toEqual([]);
  });

  it('have an English text for each of their Chinese ones', () => {
    const keys = (Object.keys(zh) as MessageKey[]).filter((key) => GROUPS.includes(key.split('.')[0]!));
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((key) => CHINESE.test(en[key]))).toEqual([]);
    expect(keys.filter((key) => !CHINESE.test(zh[key]) && !zh[key].startsWith('{'))).toEqual([]);
  });

  describe('rendered', () => {
    const ranking: AssessmentQuery['assessment']['ranking'] = [
      { tenantId: 't1', unitId: 'u1', name: '河庄街道', rank: 1, total: 92, lines: [{ criterion: 'MONTHLY_REPORTS', measured: 2, points: -10, events: [] }] },
    ];

    beforeAll(() => {
      // Ant Design's table asks the window for media queries, which jsdom does not answer.
      window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as never;
    });
    afterEach(() => {
      cleanup();
      localStorage.clear();
    });

    it('show the ranking in English once English is chosen', () => {
      localStorage.setItem('zeren.locale', 'en-US');
      render(
        <LocaleProvider>
          <AssessmentRanking ranking={ranking} loading={false} />
        </LocaleProvider>,
      );
      for (const header of ['Rank', 'Name', 'Total']) expect(screen.getByText(header)).toBeTruthy();
      expect(screen.getByText('河庄街道')).toBeTruthy();
      expect(screen.queryByText('名次')).toBeNull();
      // A row opens into its score lines: criteria, measures and their events, in English too.
      fireEvent.click(screen.getAllByRole('button')[0]!);
      for (const text of ['Criterion', 'Monthly reports missing or late', 'No scoring events']) expect(screen.getByText(text)).toBeTruthy();
      expect(screen.queryByText('2份')).toBeNull();
    });

    it('and in Chinese, as before, by default', () => {
      render(
        <LocaleProvider>
          <AssessmentRanking ranking={ranking} loading={false} />
        </LocaleProvider>,
      );
      for (const header of ['名次', '名称', '总分']) expect(screen.getByText(header)).toBeTruthy();
      fireEvent.click(screen.getAllByRole('button')[0]!);
      for (const text of ['月报告逾期未报/逾期报送', '2份', '无计分事件']) expect(screen.getByText(text)).toBeTruthy();
    });
  });
});
