import { chinaDateTime } from '@zeren/domain';
import { noticeFor } from './notification-messages';

const FINDING = 'f0000000-0000-4000-8000-000000000001';
const UNIT = 'a0000000-0000-4000-8000-000000000001';
const OTHER_UNIT = 'a0000000-0000-4000-8000-000000000002';
const facts = { title: '阵地管理不到位', unitId: UNIT };

const warning = (level: string, daysRemaining: number) => ({
  type: 'WarningIssued',
  streamId: FINDING,
  data: { findingId: FINDING, unitId: UNIT, level, deadline: '2026-03-31', daysRemaining, recipients: ['UNIT_LIAISON', 'UNIT_LEADER'], issuedAt: '2026-03-21T00:00:00.000Z' },
});

describe('notices', () => {
  it('assign a recorded finding to its unit’s liaison', () => {
    const notice = noticeFor(
      {
        type: 'FindingRecorded',
        streamId: FINDING,
        data: { findingId: FINDING, unitId: UNIT, title: '阵地管理不到位', deadline: '2026-03-31' },
      },
      null,
    );
    expect(notice).toMatchObject({ kind: 'ASSIGNMENT', title: '新的整改任务：阵地管理不到位', recordType: 'Finding', recordId: FINDING, audience: { unitId: UNIT, roles: ['UNIT_LIAISON'] } });
    expect(notice!.body).toContain('2026-03-31');
  });

  it('send a reassigned finding to the new unit', () => {
    const notice = noticeFor({ type: 'FindingReassigned', streamId: FINDING, data: { findingId: FINDING, fromUnitId: UNIT, toUnitId: OTHER_UNIT, reason: '职责调整' } }, facts);
    expect(notice).toMatchObject({ kind: 'ASSIGNMENT', audience: { unitId: OTHER_UNIT, roles: ['UNIT_LIAISON'] } });
    expect(notice!.body).toContain('职责调整');
  });

  it('warn the roles the warning names, in words for the days left or overdue', () => {
    expect(noticeFor(warning('GREEN', 10), facts)).toMatchObject({ kind: 'WARNING', title: '整改预警（绿色）：阵地管理不到位', audience: { unitId: UNIT, roles: ['UNIT_LIAISON', 'UNIT_LEADER'] } });
    expect(noticeFor(warning('YELLOW', 0), facts)!.body).toContain('今天到期');
    expect(noticeFor(warning('RED', -3), facts)!.body).toContain('已逾期 3 天');
  });

  it('tell the unit a rejection and its reason, naming who rejected', () => {
    const district = noticeFor({ type: 'DistrictReviewRejected', streamId: FINDING, data: { findingId: FINDING, reason: '佐证材料不足' } }, facts);
    const city = noticeFor({ type: 'SignOffRejected', streamId: FINDING, data: { findingId: FINDING, reason: '整改不彻底' } }, facts);
    expect(district).toMatchObject({ kind: 'REJECTION', title: '区级审核退回：阵地管理不到位', audience: { unitId: UNIT } });
    expect(city).toMatchObject({ kind: 'REJECTION', title: '市级销号未通过：阵地管理不到位' });
    expect(city!.body).toContain('整改不彻底');
  });

  it('invite the interviewees, keeping a confidential interview’s particulars out of e-mail', () => {
    const interview = (confidential: boolean) => ({
      type: 'InterviewScheduled',
      streamId: 'b0000000-0000-4000-8000-000000000001',
      data: {
        interviewId: 'b0000000-0000-4000-8000-000000000001',
        kind: 'CAUTION',
        interviewees: [{ personId: 'e0000000-0000-4000-8000-000000000001', name: '张三', unitId: UNIT }],
        reason: '整改严重滞后',
        scheduledAt: '2026-03-10T02:00:00.000Z',
        place: '区委三楼会议室',
        confidential,
      },
    });
    const open = noticeFor(interview(false), null)!;
    expect(open).toMatchObject({ kind: 'INTERVIEW_INVITATION', title: '诫勉谈话通知', audience: { personIds: ['e0000000-0000-4000-8000-000000000001'] } });
    expect(open.body).toContain('2026-03-10 10:00');
    expect(open.emailBody).toContain('整改严重滞后');
    const secret = noticeFor(interview(true), null)!;
    expect(secret.body).toContain('整改严重滞后');
    expect(secret.emailBody).not.toContain('整改严重滞后');
    expect(secret.emailBody).not.toContain('区委三楼会议室');
  });

  it('warn the district’s office of a monthly report due soon or overdue, linking the report', () => {
    const REPORT = 'c0000000-0000-4000-8000-000000000001';
    const reportWarning = (level: string, daysRemaining: number) =>
      noticeFor({ type: 'MonthlyReportWarningIssued', streamId: REPORT, data: { reportId: REPORT, month: '2026-03', level, dueDate: '2026-04-05', daysRemaining, issuedAt: '2026-03-30T00:00:00.000Z' } }, null);
    expect(reportWarning('YELLOW', 6)).toMatchObject({
      kind: 'WARNING',
      title: '月报告预警（黄色）：2026-03 分析研判月报告',
      recordType: 'MonthlyReport',
      recordId: REPORT,
      audience: { districtRoles: ['district_admin'] },
    });
    expect(reportWarning('YELLOW', 6)!.body).toContain('报送截止日期为 2026-04-05，还剩 6 天');
    expect(reportWarning('RED', -2)!.body).toContain('已逾期 2 天，请立即报送');
  });

  it('say nothing about other events, or about finding events without their facts', () => {
    expect(noticeFor({ type: 'ProgressCheckedIn', streamId: FINDING, data: {} }, facts)).toBeNull();
    expect(noticeFor(warning('RED', -1), null)).toBeNull();
  });

  it('write times in China time', () => {
    expect(chinaDateTime(new Date('2026-03-09T16:30:00.000Z'))).toBe('2026-03-10 00:30');
  });
});
