import { Table, Tag, Typography } from 'antd';
import type { AssessmentQuery } from '../generated/graphql';
import { CRITERION_LABELS } from './responsibility.labels';

type Score = AssessmentQuery['assessment']['ranking'][number];
type Line = Score['lines'][number];

const key = (score: Score): string => `${score.tenantId}/${score.unitId ?? ''}`;

/** Each event a line counts, as its place in the district's chain: what an auditor looks up. */
function LineEvents({ line }: { line: Line }) {
  if (line.events.length === 0) return <Typography.Text type="secondary">无计分事件</Typography.Text>;
  return (
    <>
      {line.events.map((event) => (
        <Tag key={`${event.tenantId}/${event.tenantPosition}`} title={`${event.streamId} 第${event.version}版`}>
          #{event.tenantPosition} {event.type}
        </Tag>
      ))}
    </>
  );
}

/** 年度考核排名; a row opens into its score lines, and each line into the events it counts. */
export function AssessmentRanking({ ranking, loading, compact = false }: { ranking: Score[]; loading: boolean; compact?: boolean }) {
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
              { title: '指标', dataIndex: 'criterion', render: (criterion: Line['criterion']) => CRITERION_LABELS[criterion].text },
              { title: '实测', key: 'measured', width: 100, render: (_, line) => `${line.measured}${CRITERION_LABELS[line.criterion].unit}` },
              { title: '得分', dataIndex: 'points', width: 80 },
              ...(compact ? [] : [{ title: '计分事件（链上位置）', key: 'events', render: (_: unknown, line: Line) => <LineEvents line={line} /> }]),
            ]}
          />
        ),
      }}
      columns={[
        { title: '名次', dataIndex: 'rank', width: 60 },
        { title: '名称', dataIndex: 'name', ellipsis: true },
        { title: '总分', dataIndex: 'total', width: 80 },
      ]}
    />
  );
}
