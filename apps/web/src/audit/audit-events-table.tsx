import { Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AuditEventFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { formatInstant } from '../shared/format';

/** A record id, linked to its page where the client has one. */
export function RecordLink({ streamType, streamId }: { streamType: string; streamId: string }) {
  const short = streamId.slice(0, 8);
  if (streamType === 'Finding') return <Link to={`/findings/${streamId}`}>{short}</Link>;
  if (streamType === 'Inspection') return <Link to={`/inspections/${streamId}`}>{short}</Link>;
  return <Typography.Text code>{short}</Typography.Text>;
}

export function AuditEventsTable({ events, loading, nameOf }: { events: AuditEventFieldsFragment[]; loading: boolean; nameOf: (id: string) => string | undefined }) {
  const { t, label } = useI18n();
  return (
    <Table<AuditEventFieldsFragment>
      rowKey="position"
      size="small"
      loading={loading}
      dataSource={events}
      pagination={false}
      data-testid="audit-events"
      columns={[
        { title: t('audit.position'), dataIndex: 'tenantPosition', width: 70 },
        {
          title: t('audit.recordedAt'),
          key: 'recordedAt',
          width: 190,
          render: (_, event) => (
            <>
              {formatInstant(event.recordedAt)}
              {event.effectiveAt && (
                <Tooltip title={`${t('audit.effectiveAt')}: ${formatInstant(event.effectiveAt)}`}>
                  <Tag color="orange" style={{ marginLeft: 4 }}>
                    {t('finding.late')}
                  </Tag>
                </Tooltip>
              )}
            </>
          ),
        },
        { title: t('audit.actor'), key: 'actor', render: (_, event) => `${nameOf(event.actorId) ?? event.actorId.slice(0, 8)}（${label('role', event.actorRole)}）` },
        { title: t('audit.type'), dataIndex: 'type', render: (type: string) => label('eventType', type) },
        { title: t('audit.stream'), key: 'stream', render: (_, event) => <>{event.streamType} <RecordLink streamType={event.streamType} streamId={event.streamId} /></> },
        {
          title: t('audit.hash'),
          dataIndex: 'hash',
          width: 110,
          render: (hash: string) => (
            <Tooltip title={hash}>
              <Typography.Text code>{hash.slice(0, 10)}</Typography.Text>
            </Tooltip>
          ),
        },
      ]}
    />
  );
}
