import { FINDING_STATUS_LABELS, FINDING_STATUSES } from '@zeren/domain';
import { describe, expect, it } from 'vitest';
import { createI18n } from './locale';
import { en, format, labelKey, zh } from './messages';

describe('the message catalogue', () => {
  it('has an English text for every Chinese one, and none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.values(en).filter((text) => !text.trim())).toEqual([]);
  });

  it('names the finding statuses exactly as the domain does', () => {
    for (const status of FINDING_STATUSES) expect(zh[labelKey('findingStatus', status)!]).toBe(FINDING_STATUS_LABELS[status]);
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(format('共 {count} 条', { count: 3 })).toBe('共 3 条');
    expect(format('{a} {b}', { a: 'x' })).toBe('x {b}');
  });

  it('shows an enum value it has no label for as the value itself', () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.label('findingStatus', 'VERIFIED')).toBe('已销号');
    expect(i18n.label('eventType', 'SomethingNew')).toBe('SomethingNew');
    expect(createI18n('en-US').label('role', 'city_inspector')).toBe('City inspector');
  });
});
