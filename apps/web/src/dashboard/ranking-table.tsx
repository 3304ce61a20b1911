import { Progress, Table, Tag } from 'antd';
import type { RankFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';

/** 排名: districts of the city or units of the district by 整改率, then fewest overdue. */
export function RankingTable({ ranks, loading, onPick }: { ranks: RankFieldsFragment[]; loading: boolean; onPick?: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Table<RankFieldsFragment>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={ranks}
      pagination={false}
      className="nowrap-headers"
      data-testid="ranking"
      onRow={(rank) => (onPick ? { onClick: () => onPick(rank.id), style: { cursor: 'pointer' } } : {})}
      columns={[
        { title: t('dashboard.ranking'), dataIndex: 'rank', width: 60 },
        { title: t('common.name'), dataIndex: 'name', ellipsis: true },
        { title: t('dashboard.recorded'), dataIndex: 'recorded', width: 80 },
        { title: t('dashboard.verified'), dataIndex: 'verified', width: 80 },
        { title: t('dashboard.rate'), dataIndex: 'rate', width: 140, render: (rate: number | null) => (rate === null ? '—' : <Progress percent={Math.round(rate * 1000) / 10} size="small" />) },
        { title: t('dashboard.overdue'), dataIndex: 'overdue', width: 64, render: (overdue: number) => (overdue > 0 ? <Tag color="red">{overdue}</Tag> : 0) },
        {
          title: t('dashboard.warnings'),
          key: 'warnings',
          width: 130,
          render: (_, rank) => (
            <>
              <Tag color="red">{rank.warningColours.red}</Tag>
              <Tag color="gold">{rank.warningColours.yellow}</Tag>
              <Tag color="green">{rank.warningColours.green}</Tag>
            </>
          ),
        },
      ]}
    />
  );
}
