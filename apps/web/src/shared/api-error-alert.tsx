import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/locale';
import { describeApiError } from './api-error';

export interface ApiErrorAlertProps {
  error: unknown;
  /** Reloads the record; offered when the API answers CONFLICT. */
  onReload?: () => void;
}

/**
 * Shows why the API refused, in its own (Chinese) words. A CONFLICT never retries or overwrites:
 * it asks the user to reload the latest version and decide again.
 */
export function ApiErrorAlert({ error, onReload }: ApiErrorAlertProps) {
  const { t } = useI18n();
  if (!error) return null;
  const info = describeApiError(error);
  if (info.code === 'CONFLICT') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="conflict-alert"
        title={t('error.conflict')}
        description={t('error.conflictHint')}
        action={
          onReload && (
            <Button size="small" type="primary" onClick={onReload}>
              {t('error.reloadLatest')}
            </Button>
          )
        }
      />
    );
  }
  const fields = Object.values(info.fields);
  const message = info.message ?? (info.code === 'NETWORK' ? t('error.network') : t('error.unknown'));
  // Refused for the record's state: what the page shows is likely out of date, so offer the latest.
  const stale = info.code === 'INVALID_STATE' && onReload;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      title={message}
      description={fields.length > 0 ? fields.join('；') : undefined}
      action={
        stale && (
          <Button size="small" onClick={onReload}>
            {t('error.reloadLatest')}
          </Button>
        )
      }
    />
  );
}
