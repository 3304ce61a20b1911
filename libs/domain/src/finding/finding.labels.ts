import type { FindingCategory, FindingSeverity, WarningLevel } from '@zeren/events';

/** The Chinese terms documents and exports use (the web client has its own, switchable to English). */
export const FINDING_CATEGORY_LABELS: Record<FindingCategory, string> = {
  STUDY: '理论学习',
  POSITION_MANAGEMENT: '阵地管理',
  ONLINE_OPINION: '网络舆情',
  RESPONSIBILITY: '责任落实',
  OTHER: '其他',
};

export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, string> = { MINOR: '一般', MAJOR: '较重', SEVERE: '严重' };

export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = { GREEN: '绿色预警', YELLOW: '黄色预警', RED: '红色预警' };
