import { Badge, Calendar, Popover } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { InterviewFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { InterviewStatusTag } from './interview-tags';

const BADGE: Record<InterviewFieldsFragment['status'], 'processing' | 'success' | 'default'> = { SCHEDULED: 'processing', HELD: 'success', CANCELLED: 'default' };

/** A month of interviews; the month shown is the parent's (it queries by month). */
export function InterviewCalendar({ month, interviews, onMonthChange }: { month: Dayjs; interviews: InterviewFieldsFragment[]; onMonthChange: (month: Dayjs) => void }) {
  const { label } = useI18n();
  const onDay = (date: Dayjs): InterviewFieldsFragment[] => interviews.filter((interview) => dayjs(interview.scheduledAt).isSame(date, 'day'));
  return (
    <Calendar
      value={month}
      onPanelChange={(date) => onMonthChange(date)}
      cellRender={(date, info) => {
        if (info.type !== 'date') return info.originNode;
        return (
          <ul className="calendar-events">
            {onDay(date).map((interview) => (
              <li key={interview.id}>
                <Popover
                  title={`${label('interviewKind', interview.kind)} · ${interview.interviewees.map((person) => person.name).join('、')}`}
                  content={
                    <div style={{ maxWidth: 320 }}>
                      <div>{dayjs(interview.scheduledAt).format('HH:mm')} {interview.place}</div>
                      <div>{interview.reason}</div>
                      <InterviewStatusTag interview={interview} />
                    </div>
                  }
                >
                  <Badge status={BADGE[interview.status]} text={`${dayjs(interview.scheduledAt).format('HH:mm')} ${interview.interviewees.map((person) => person.name).join('、')}`} />
                </Popover>
              </li>
            ))}
          </ul>
        );
      }}
    />
  );
}
