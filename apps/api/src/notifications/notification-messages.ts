import { chinaDateTime } from '@zeren/domain';
import type {
  DistrictReviewRejected,
  FindingReassigned,
  FindingRecorded,
  InterviewKind,
  InterviewScheduled,
  MonthlyReportWarningIssued,
  SignOffRejected,
  WarningIssued,
  WarningLevel,
  WarningRecipient,
} from '@zeren/events';

export type NotificationKind = 'WARNING' | 'ASSIGNMENT' | 'REJECTION' | 'INTERVIEW_INVITATION';

/** The event types that notify someone; the consumer passes over every other one. */
export const NOTIFYING_EVENT_TYPES = [
  'WarningIssued',
  'FindingRecorded',
  'FindingReassigned',
  'DistrictReviewRejected',
  'SignOffRejected',
  'InterviewScheduled',
  'MonthlyReportWarningIssued',
] as const;

/** Who is told: holders of roles in a unit, the district's people of some roles, or named people. */
export type Audience = { unitId: string; roles: readonly WarningRecipient[] } | { districtRoles: readonly DistrictRole[] } | { personIds: readonly string[] };

/** The district's own office: who writes its 分析研判月报告 and is warned when one falls due. */
export type DistrictRole = 'district_admin';
const DISTRICT_OFFICE: readonly DistrictRole[] = ['district_admin'];

export interface Notice {
  kind: NotificationKind;
  title: string;
  body: string;
  /** What the e-mail says; a confidential interview's particulars stay inside the application. */
  emailBody: string;
  recordType: 'Finding' | 'Interview' | 'MonthlyReport';
  recordId: string;
  audience: Audience;
}

/** What a finding's later events do not repeat: its title, and the unit it is assigned to at that point. */
export interface FindingFacts {
  title: string;
  unitId: string;
}

const LEVELS: Record<WarningLevel, string> = { GREEN: '绿色', YELLOW: '黄色', RED: '红色' };
const INTERVIEW_KINDS: Record<InterviewKind, string> = { ADMONITION: '约谈', REMINDER: '提醒谈话', CAUTION: '诫勉谈话' };
const SIGNATURE = '\n\n—— 责任链 Zeren（系统自动发送，请勿直接回复）';
const LIAISON: readonly WarningRecipient[] = ['UNIT_LIAISON'];

function daysText(daysRemaining: number): string {
  if (daysRemaining > 0) return `还剩 ${daysRemaining} 天，请抓紧整改。`;
  if (daysRemaining === 0) return '今天到期，请抓紧整改。';
  return `已逾期 ${-daysRemaining} 天，请立即整改并说明情况。`;
}

function reportDaysText(daysRemaining: number): string {
  if (daysRemaining > 0) return `还剩 ${daysRemaining} 天，请按时报送。`;
  if (daysRemaining === 0) return '今天截止，请按时报送。';
  return `已逾期 ${-daysRemaining} 天，请立即报送。`;
}

function findingNotice(kind: NotificationKind, findingId: string, audience: Audience, title: string, body: string): Notice {
  return { kind, title, body, emailBody: `${body}${SIGNATURE}`, recordType: 'Finding', recordId: findingId, audience };
}

/**
 * What an event tells whom, or null when it notifies nobody. `facts` is needed for finding events
 * other than FindingRecorded (whose payload says it all).
 */
export function noticeFor(event: { type: string; streamId: string; data: unknown }, facts: FindingFacts | null): Notice | null {
  switch (event.type) {
    case 'FindingRecorded': {
      const data = event.data as FindingRecorded['data'];
      return findingNotice('ASSIGNMENT', data.findingId, { unitId: data.unitId, roles: LIAISON }, `新的整改任务：${data.title}`, `检查发现问题「${data.title}」，责任单位为本单位，整改期限 ${data.deadline}。请及时制定整改方案。`);
    }
    case 'FindingReassigned': {
      const data = event.data as FindingReassigned['data'];
      if (!facts) return null;
      return findingNotice('ASSIGNMENT', data.findingId, { unitId: data.toUnitId, roles: LIAISON }, `整改任务转交：${facts.title}`, `问题「${facts.title}」已转交本单位整改。原因：${data.reason}`);
    }
    case 'WarningIssued': {
      const data = event.data as WarningIssued['data'];
      if (!facts) return null;
      return findingNotice(
        'WARNING',
        data.findingId,
        { unitId: data.unitId, roles: data.recipients },
        `整改预警（${LEVELS[data.level]}）：${facts.title}`,
        `问题「${facts.title}」的整改期限为 ${data.deadline}，${daysText(data.daysRemaining)}`,
      );
    }
    case 'DistrictReviewRejected':
    case 'SignOffRejected': {
      const data = event.data as (DistrictReviewRejected | SignOffRejected)['data'];
      if (!facts) return null;
      const [title, stage] = event.type === 'DistrictReviewRejected' ? ['区级审核退回', '区级审核'] : ['市级销号未通过', '市级销号审核'];
      return findingNotice('REJECTION', data.findingId, { unitId: facts.unitId, roles: LIAISON }, `${title}：${facts.title}`, `问题「${facts.title}」的整改未通过${stage}。原因：${data.reason}`);
    }
    case 'InterviewScheduled': {
      const data = event.data as InterviewScheduled['data'];
      const kind = INTERVIEW_KINDS[data.kind];
      const body = `时间：${chinaDateTime(new Date(data.scheduledAt))}\n地点：${data.place}\n事由：${data.reason}`;
      return {
        kind: 'INTERVIEW_INVITATION',
        title: `${kind}通知`,
        body,
        emailBody: `${data.confidential ? `您有一项${kind}安排，详情请登录系统查看。` : body}${SIGNATURE}`,
        recordType: 'Interview',
        recordId: data.interviewId,
        audience: { personIds: data.interviewees.map((interviewee) => interviewee.personId) },
      };
    }
    case 'MonthlyReportWarningIssued': {
      const data = event.data as MonthlyReportWarningIssued['data'];
      const body = `${data.month} 分析研判月报告的报送截止日期为 ${data.dueDate}，${reportDaysText(data.daysRemaining)}`;
      return {
        kind: 'WARNING',
        title: `月报告预警（${LEVELS[data.level]}）：${data.month} 分析研判月报告`,
        body,
        emailBody: `${body}${SIGNATURE}`,
        recordType: 'MonthlyReport',
        recordId: data.reportId,
        audience: { districtRoles: DISTRICT_OFFICE },
      };
    }
    default:
      return null;
  }
}
