import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-header">
      <Typography.Title level={3}>{title}</Typography.Title>
      {extra && <div>{extra}</div>}
    </div>
  );
}
