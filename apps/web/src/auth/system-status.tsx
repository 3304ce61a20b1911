import { useQuery } from '@apollo/client/react';
import { Typography } from 'antd';
import { graphql } from '../generated';
import { useI18n } from '../i18n/locale';

const SystemStatusQuery = graphql(`
  query SystemStatus {
    systemStatus {
      version
      serverTime
      migrationsApplied
    }
  }
`);

/** 系统状态 under the sign-in form: shows the server answers before anyone signs in. */
export function SystemStatus() {
  const { t } = useI18n();
  const { data, error } = useQuery(SystemStatusQuery, { context: { anonymous: true } });
  if (error) return <Typography.Text type="danger">{t('error.network')}</Typography.Text>;
  if (!data) return null;
  const { version, serverTime, migrationsApplied } = data.systemStatus;
  return (
    <Typography.Text type="secondary" className="system-status" data-testid="system-status">
      {t('system.status')} · {t('system.version')} {version} · {t('system.migrations')} {migrationsApplied} · {new Date(serverTime).toLocaleString()}
    </Typography.Text>
  );
}
