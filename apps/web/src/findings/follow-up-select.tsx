import { useQuery } from '@apollo/client/react';
import { Select, type SelectProps } from 'antd';
import { InspectionsQuery } from '../inspections/inspections.documents';

/** 回头看 inspections of a district under way, the only ones a signed-off finding may be reopened by. */
export function FollowUpSelect({ tenantId, ...props }: SelectProps<string> & { tenantId: string }) {
  const { data, loading } = useQuery(InspectionsQuery, { variables: { filter: { tenantId, kinds: ['FOLLOW_UP'], statuses: ['IN_PROGRESS', 'REPORT_ISSUED'] }, first: 100 } });
  const options = (data?.inspections.edges ?? []).map((edge) => ({ value: edge.node.id, label: edge.node.title }));
  return <Select<string> loading={loading} {...props} options={options} />;
}
