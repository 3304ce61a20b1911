import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Descriptions } from 'antd';
import { useState } from 'react';
import type { ChainStatusQuery as ChainStatusData } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { formatInstant } from '../shared/format';
import { useLongOperation } from '../shared/long-operation';
import { ChainStatusQuery } from './audit.documents';

type ChainStatus = ChainStatusData['chainStatus'];

function ChainResult({ status }: { status: ChainStatus }) {
  const { t } = useI18n();
  const details = (
    <Descriptions size="small" column={2}>
      <Descriptions.Item label={t('audit.recordedAt')}>{formatInstant(status.verifiedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('audit.position')}>{status.headPosition}</Descriptions.Item>
      <Descriptions.Item label={t('audit.checkpoints')}>{status.checkpointsConfirmed}</Descriptions.Item>
      <Descriptions.Item label={t('finding.evidence')}>
        {status.evidenceIntact}/{status.evidenceReferenced}
      </Descriptions.Item>
    </Descriptions>
  );
  if (status.ok) {
    return <Alert type="success" showIcon data-testid="chain-result" title={`${t('audit.chainOk')} · ${t('audit.eventsChecked', { count: status.verifiedEvents })}`} description={details} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="chain-result"
      title={`${t('audit.chainBroken')} · ${t('audit.firstBadPosition')}: ${status.failure?.tenantPosition ?? '?'}`}
      description={
        <>
          <div>
            {status.failure?.fault}: {status.failure?.detail}
          </div>
          {details}
        </>
      }
    />
  );
}

/** 验证链: runs the verification of one district's chain and shows the result or the first bad position. */
export function VerifyChain({ tenantId }: { tenantId: string | null }) {
  const { t } = useI18n();
  const client = useApolloClient();
  const { run, element, running } = useLongOperation(4000);
  const [status, setStatus] = useState<ChainStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = async (): Promise<void> => {
    if (!tenantId) return;
    setError(null);
    try {
      const result = await run(t('audit.verifying'), () => client.query({ query: ChainStatusQuery, variables: { tenantId }, fetchPolicy: 'network-only' }));
      setStatus(result.data?.chainStatus ?? null);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()} loading={running} disabled={!tenantId} data-testid="verify-chain">
        {t('audit.verifyChain')}
      </Button>
      {element}
      {(status || error !== null) && (
        <div className="verify-result">
          {status && <ChainResult status={status} />}
          <ApiErrorAlert error={error} />
        </div>
      )}
    </>
  );
}
