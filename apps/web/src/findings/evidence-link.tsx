import { App, Typography } from 'antd';
import { useSession } from '../auth/session-context';
import { describeApiError, RestError } from '../shared/api-error';
import { useI18n } from '../i18n/locale';
import { saveBlob } from '../shared/download';
import { evidenceUrl } from './evidence-upload';

/** Downloads an evidence file with the session's token (a plain link would carry none). */
export function EvidenceLink({ findingId, sha256, name }: { findingId: string; sha256: string; name: string }) {
  const { authorizedFetch } = useSession();
  const { message } = App.useApp();
  const { t } = useI18n();
  const download = async (): Promise<void> => {
    const response = await authorizedFetch(evidenceUrl(sha256, findingId));
    if (!response.ok) throw await RestError.fromResponse(response);
    saveBlob(await response.blob(), name);
  };
  return <Typography.Link onClick={() => void download().catch((error: unknown) => message.error(describeApiError(error).message ?? t('error.network')))}>{name}</Typography.Link>;
}
