import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/locale';
import { formatInstant } from '../shared/format';
import { MarkNotificationReadMutation, UnreadNotificationsQuery } from './notifications.documents';

const POLL_MS = 60_000;

/** Where a notification's record is shown. */
export function recordPath(recordType: string, recordId: string): string | null {
  if (recordType === 'Finding') return `/findings/${recordId}`;
  if (recordType === 'Inspection') return `/inspections/${recordId}`;
  if (recordType === 'Interview') return '/interviews';
  if (recordType === 'MonthlyReport') return '/responsibility';
  return null;
}

/** 我的通知: unread warnings, rejections, assignments and interview invitations; opening one marks it read. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data } = useQuery(UnreadNotificationsQuery, { pollInterval: POLL_MS });
  const [markRead] = useMutation(MarkNotificationReadMutation, { refetchQueries: [UnreadNotificationsQuery] });
  const notifications = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const list = (
    <List
      size="small"
      style={{ width: 360 }}
      dataSource={notifications}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('app.noNotifications')} /> }}
      renderItem={(notification) => (
        <List.Item
          style={{ cursor: 'pointer' }}
          onClick={() => {
            setOpen(false);
            void markRead({ variables: { id: notification.id } });
            const path = recordPath(notification.recordType, notification.recordId);
            if (path) navigate(path);
          }}
        >
          <List.Item.Meta
            title={notification.title}
            description={
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{notification.body}</div>
                <Typography.Text type="secondary">{formatInstant(notification.createdAt)}</Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
  return (
    <Popover content={list} title={t('app.notifications')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" aria-label={t('app.notifications')} data-testid="notifications">
        <Badge count={data?.notifications.totalCount ?? 0} size="small" offset={[4, -2]}>
          <BellOutlined style={{ color: '#fff', fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
