import type {
  AssessmentCriterion,
  KeyProjectCategory,
  KeyProjectPlanStatus,
  MonthlyReportStatus,
  ReportStanding,
  TargetLetterLevel,
  TargetLetterStatus,
  WarningLevel,
} from '../generated/graphql';

/** The page's words. Chinese only for now: the shared catalogue (i18n/messages.ts) is another area's file. */
export const CATEGORY_LABELS: Record<KeyProjectCategory, string> = { REFORM_INNOVATION: '改革创新', HIGHLIGHT: '亮点', ROUTINE: '常规', OTHER: '其他' };
export const LEVEL_LABELS: Record<TargetLetterLevel, string> = { CITY_DISTRICT: '市 → 区', DISTRICT_UNIT: '区 → 单位' };
export const STANDING_LABELS: Record<ReportStanding, { text: string; color: string }> = {
  REPORTED: { text: '按时报送', color: 'green' },
  LATE: { text: '逾期报送', color: 'orange' },
  MISSING: { text: '逾期未报', color: 'red' },
  PENDING: { text: '未到期', color: 'default' },
};
export const WARNING_LABELS: Record<WarningLevel, { text: string; color: string }> = {
  GREEN: { text: '绿色预警', color: 'green' },
  YELLOW: { text: '黄色预警', color: 'gold' },
  RED: { text: '红色预警', color: 'red' },
};
export const CRITERION_LABELS: Record<AssessmentCriterion, { text: string; unit: string }> = {
  PROJECT_COMPLETION: { text: '重点工作项目完成度', unit: '%' },
  RECTIFICATION_RATE: { text: '整改率', unit: '%' },
  OVERDUE_FINDINGS: { text: '逾期未整改问题', unit: '个' },
  INTERVIEWS_RECEIVED: { text: '被约谈', unit: '次' },
  MONTHLY_REPORTS: { text: '月报告逾期未报/逾期报送', unit: '份' },
};
export const LETTER_STATUS_LABELS: Record<TargetLetterStatus, string> = { DRAFT: '待签订', SIGNED: '已签订' };
export const PLAN_STATUS_LABELS: Record<KeyProjectPlanStatus, string> = { DRAFT: '草拟中', CONFIRMED: '已确定' };
export const REPORT_STATUS_LABELS: Record<MonthlyReportStatus, string> = { DUE: '待报送', SUBMITTED: '已报送' };
