import { Table, Tag, Typography } from 'antd';
import type { AssessmentQuery } from '../generated/graphql';
import { useI18n } from '../i18n/locale';

type Score = AssessmentQuery['assessment']['ranking'][number];
type Line = Score['lines'][number];

const key = (score: Score): string => `${score.tenantId}/${score.unitId ?? ''}`;

/** Each event a line counts, as its place in the district's chain and its type: what an auditor looks up. */
function LineEvents({ line }: { line: Line }) {
  const { t } = useI18n();
  if (line.events.length === 0) return <Typography.Text type="secondary">{t('responsibility.noScoringEvents')}</Typography.Text>;
  return (
    <>
      {line.events.map((event) => (
        <Tag key={`${event.tenantId}/${event.tenantPosition}`} title={t('responsibility.eventVersion', { stream: event.streamId, version: event.version })}>
          #{event.tenantPosition} {event.type}
        </Tag>
      ))}
    </>
  );
}

/** 年度考核排名; a row opens into its score lines, and each line into the events it counts. */
export function AssessmentRanking({ ranking, loading, compact = false }: { ranking: Score[]; loading: boolean; compact?: boolean }) {
  const { t, label } = useI18n();
  return (
    <Table<Score>
      rowKey={key}
      size="small"
      loading={loading}
      dataSource={ranking}
      pagination={false}
      data-testid="assessment-ranking"
      expandable={{
        expandedRowRender: (score) => (
          <Table<Line>
            rowKey="criterion"
            size="small"
            pagination={false}
            dataSource={score.lines}
            data-testid="score-lines"
            columns={[
              { title: t('responsibility.criterion'), dataIndex: 'criterion', render: (criterion: Line['criterion']) => label('assessmentCriterion', criterion) },
              { title: t('responsibility.measured'), key: 'measured', width: 100, render: (_, line) => t(`criterionMeasure.${line.criterion}`, { value: line.measured }) },
              { title: t('responsibility.points'), dataIndex: 'points', width: 80 },
              ...(compact ? [] : [{ title: t('responsibility.scoringEvents'), key: 'events', render: (_: unknown, line: Line) => <LineEvents line={line} /> }]),
            ]}
          />
        ),
      }}
      columns={[
        { title: t('responsibility.rank'), dataIndex: 'rank', width: 60 },
        { title: t('responsibility.name'), dataIndex: 'name', ellipsis: true },
        { title: t('responsibility.total'), dataIndex: 'total', width: 80 },
      ]}
    />
  );
}
