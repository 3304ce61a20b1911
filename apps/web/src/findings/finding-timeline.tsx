import { Tag, Timeline, Tooltip, Typography } from 'antd';
import { useI18n } from '../i18n/locale';
import { formatInstant } from '../shared/format';
import { eventSummary, isLateEntry, type HistoryEvent } from './timeline-entry';

export interface TimelineEvent extends HistoryEvent {
  position: string;
  actorId: string;
  actorRole: string;
}

const COLOURS: Record<string, string> = { FindingVerified: 'green', DistrictReviewPassed: 'green', DistrictReviewRejected: 'red', SignOffRejected: 'red', WarningIssued: 'orange', FindingWithdrawn: 'gray' };

/** 办理记录: every event of the finding from the audit trail, who did what when; late entries marked. */
export function FindingTimeline({ events, nameOf }: { events: TimelineEvent[]; nameOf: (id: string) => string | undefined }) {
  const { t, label } = useI18n();
  return (
    <Timeline
      data-testid="finding-timeline"
      items={events.map((event) => {
        const late = isLateEntry(event);
        const warning = event.type === 'WarningIssued' ? (event.data as { level?: string; deadline?: string } | null) : null;
        const summary = warning ? `${label('warning', warning.level)} · ${t('finding.deadline')} ${warning.deadline ?? ''}` : eventSummary(event);
        return {
          key: event.position,
          color: late ? 'orange' : (COLOURS[event.type] ?? 'blue'),
          content: (
            <div className="timeline-entry">
              <div>
                <strong>{label('eventType', event.type)}</strong> · {nameOf(event.actorId) ?? label('role', event.actorRole)}
                {late && (
                  <Tooltip title={`${t('finding.lateHint')}（${t('finding.effectiveAt')} ${formatInstant(event.effectiveAt)}）`}>
                    <Tag color="orange" className="late-tag">
                      {t('finding.late')}
                    </Tag>
                  </Tooltip>
                )}
              </div>
              <Typography.Text type="secondary">{formatInstant(event.recordedAt)}</Typography.Text>
              {summary && <div className="timeline-entry__summary">{summary}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
