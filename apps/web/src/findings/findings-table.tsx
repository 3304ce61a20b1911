import { Progress, Table, Typography, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import type { FindingOrder, FindingRowFieldsFragment, FindingStatus } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { formatDate, formatInstant } from '../shared/format';
import { FindingStatusTag, WarningTag } from './finding-tags';

/** Sortable columns and the API orders they map to. */
const SORTS: Record<string, { ascend: FindingOrder; descend: FindingOrder }> = {
  deadline: { ascend: 'DEADLINE_ASC', descend: 'DEADLINE_DESC' },
  status: { ascend: 'STATUS_ASC', descend: 'STATUS_DESC' },
  severity: { ascend: 'SEVERITY_ASC', descend: 'SEVERITY_DESC' },
  recordedAt: { ascend: 'RECORDED_AT_ASC', descend: 'RECORDED_AT_DESC' },
};

/** Days past the deadline of an open finding; 0 when not overdue. */
export function daysOverdue(finding: Pick<FindingRowFieldsFragment, 'overdue' | 'daysRemaining'>): number {
  return finding.overdue ? -finding.daysRemaining : 0;
}

export interface FindingsTableProps {
  findings: FindingRowFieldsFragment[];
  loading: boolean;
  order?: FindingOrder;
  onOrderChange?: (order: FindingOrder) => void;
}

/** The ledger's rows: one per finding, the columns of the Excel export. */
export function FindingsTable({ findings, loading, order, onOrderChange }: FindingsTableProps) {
  const { t, label } = useI18n();
  const sortOrderOf = (column: string): 'ascend' | 'descend' | null => {
    const sort = SORTS[column];
    if (!sort || !order) return null;
    return sort.ascend === order ? 'ascend' : sort.descend === order ? 'descend' : null;
  };
  const sortable = (column: string) => (onOrderChange ? { sorter: true, sortOrder: sortOrderOf(column), sortDirections: ['ascend', 'descend'] as Array<'ascend' | 'descend'> } : {});
  const onChange: TableProps<FindingRowFieldsFragment>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = single?.columnKey ? SORTS[String(single.columnKey)] : undefined;
    if (sort && single?.order) onOrderChange?.(sort[single.order]);
    else onOrderChange?.('RECORDED_AT_DESC');
  };
  return (
    <Table<FindingRowFieldsFragment>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={findings}
      pagination={false}
      onChange={onChange}
      data-testid="findings-table"
      columns={[
        { title: t('finding.title'), dataIndex: 'title', key: 'title', render: (title: string, finding) => <Link to={`/findings/${finding.id}`}>{title}</Link> },
        { title: t('finding.unit'), key: 'unit', width: 150, render: (_, finding) => finding.unit?.name ?? '—' },
        { title: t('finding.severity'), dataIndex: 'severity', key: 'severity', width: 100, render: (severity: string) => label('findingSeverity', severity), ...sortable('severity') },
        { title: t('finding.deadline'), dataIndex: 'deadline', key: 'deadline', width: 130, render: formatDate, ...sortable('deadline') },
        { title: t('finding.status'), dataIndex: 'status', key: 'status', width: 140, render: (status: FindingStatus) => <FindingStatusTag status={status} />, ...sortable('status') },
        { title: t('finding.progress'), dataIndex: 'latestPercent', key: 'progress', width: 130, render: (percent: number | null) => (percent === null ? '—' : <Progress percent={percent} size="small" />) },
        { title: t('finding.lastCheckIn'), dataIndex: 'lastCheckInAt', key: 'lastCheckIn', width: 150, render: formatInstant },
        {
          title: t('finding.daysOverdue'),
          key: 'daysOverdue',
          width: 130,
          render: (_, finding) => (
            <>
              {daysOverdue(finding) > 0 ? <Typography.Text type="danger">{daysOverdue(finding)}</Typography.Text> : '—'} <WarningTag level={finding.warningLevel} />
            </>
          ),
        },
      ]}
    />
  );
}
