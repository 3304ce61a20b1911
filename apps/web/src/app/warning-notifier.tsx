import { useApolloClient, useSubscription } from '@apollo/client/react';
import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../generated';
import { useI18n } from '../i18n/locale';
import { UnreadNotificationsQuery } from './notifications.documents';

const WarningIssuedSubscription = graphql(`
  subscription WarningIssued {
    warningIssued {
      findingId
      level
      deadline
      daysRemaining
    }
  }
`);

const SEVERITY = { GREEN: 'info', YELLOW: 'warning', RED: 'error' } as const;

/** 三色预警 as they are issued, for findings the viewer may read: a notice that opens the finding. */
export function WarningNotifier() {
  const { t, label } = useI18n();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const client = useApolloClient();
  useSubscription(WarningIssuedSubscription, {
    onData: ({ data }) => {
      const warning = data.data?.warningIssued;
      if (!warning) return;
      void client.refetchQueries({ include: [UnreadNotificationsQuery] });
      const kind = SEVERITY[warning.level as keyof typeof SEVERITY] ?? 'warning';
      notification[kind]({
        title: label('warning', warning.level),
        description: `${t('finding.deadline')} ${warning.deadline}（${warning.daysRemaining < 0 ? t('dashboard.overdue') : t('common.days', { count: warning.daysRemaining })}）`,
        placement: 'bottomRight',
        onClick: () => navigate(`/findings/${warning.findingId}`),
      });
    },
  });
  return null;
}
