import { useQuery, useSubscription } from '@apollo/client/react';
import { App, Button, Card, Col, Result, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { describeApiError } from '../shared/api-error';
import { PageHeader } from '../shared/page-header';
import { usePeople } from '../shared/use-people';
import { CheckInList } from './check-in-list';
import { CheckInModal, type CheckInTarget } from './check-in-form';
import { FindingActionModal, type ActionTarget } from './finding-action-modal';
import { availableFindingActions, type FindingPageAction } from './finding-actions';
import { FindingDetails } from './finding-details';
import { FindingStatusTag, WarningTag } from './finding-tags';
import { FindingTimeline } from './finding-timeline';
import { FindingChangedSubscription, FindingQuery } from './findings.documents';

const ACTION_LABELS = {
  submitPlan: 'finding.submitPlan',
  checkIn: 'finding.checkIn',
  submit: 'finding.submit',
  reviewPass: 'finding.reviewPass',
  reviewReject: 'finding.reviewReject',
  signOff: 'finding.signOff',
  reject: 'finding.reject',
  requestExtension: 'finding.requestExtension',
  approveExtension: 'finding.approveExtension',
  refuseExtension: 'finding.refuseExtension',
  reassign: 'finding.reassign',
  withdraw: 'finding.withdraw',
  reopen: 'finding.reopen',
} as const satisfies Record<FindingPageAction, string>;

const DANGEROUS: ReadonlySet<FindingPageAction> = new Set(['reviewReject', 'reject', 'refuseExtension', 'withdraw', 'reopen']);

/** 问题详情: the finding, its history from the audit trail, and the actions the viewer may take now. */
export default function FindingPage() {
  const { findingId = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const { viewer, ability } = useSignedIn();
  const { data, loading, error, refetch } = useQuery(FindingQuery, { variables: { id: findingId }, fetchPolicy: 'cache-and-network' });
  const finding = data?.finding;
  // The viewer's whole scope: a city inspector's own colleagues act in the district's chain too.
  const { nameOf } = usePeople();
  // The version the user decided on is kept while a form is open: if someone else acts meanwhile,
  // submitting answers CONFLICT instead of silently applying to a state the user never saw.
  const [opened, setOpened] = useState<{ action: FindingPageAction; target: ActionTarget & CheckInTarget } | null>(null);
  const reload = (): void => void refetch();

  // Someone else acted on this finding: show the new state at once, and say who.
  useSubscription(FindingChangedSubscription, {
    variables: { findingId },
    skip: !findingId,
    onData: ({ data: change }) => {
      const changed = change.data?.findingChanged;
      if (!changed) return;
      void refetch();
      if (changed.actorId !== viewer.id) void message.info(t('finding.liveUpdated', { actor: nameOf(changed.actorId) ?? changed.actorRole }));
    },
  });

  if (!finding) {
    if (loading) return <Spin />;
    if (error && describeApiError(error).code === 'NOT_FOUND') return <Result status="404" title={t('finding.notFound')} />;
    return <ApiErrorAlert error={error} onReload={reload} />;
  }

  const actions = availableFindingActions(ability, finding);
  const open = (next: FindingPageAction): void =>
    setOpened({ action: next, target: { id: finding.id, tenantId: finding.tenantId, unitId: finding.unitId, version: finding.version, deadline: finding.deadline, latestPercent: finding.latestPercent } });
  const close = (): void => setOpened(null);
  const formAction = opened && opened.action !== 'checkIn' ? opened.action : null;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="finding-title">{finding.title}</span>
            <FindingStatusTag status={finding.status} />
            <WarningTag level={finding.warningLevel} />
          </Space>
        }
      />
      <ApiErrorAlert error={error} onReload={reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card className="block-gap">
            <FindingDetails finding={finding} unitName={finding.unit?.name} />
          </Card>
          <Card title={t('finding.checkIns')}>
            <CheckInList findingId={finding.id} checkIns={data.finding.checkIns.edges.map((edge) => edge.node)} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          {actions.length > 0 && (
            <Card title={t('common.actions')} className="block-gap" data-testid="finding-actions">
              <Space wrap>
                {actions.map((next) => (
                  <Button key={next} type={DANGEROUS.has(next) ? 'default' : 'primary'} danger={DANGEROUS.has(next)} onClick={() => open(next)}>
                    {t(ACTION_LABELS[next])}
                  </Button>
                ))}
              </Space>
            </Card>
          )}
          <Card title={t('finding.timeline')}>
            <FindingTimeline events={data.finding.history} nameOf={nameOf} />
          </Card>
        </Col>
      </Row>
      {opened?.action === 'checkIn' && <CheckInModal finding={opened.target} open onClose={close} onReload={reload} />}
      <FindingActionModal
        action={formAction}
        target={opened?.target ?? finding}
        onClose={close}
        onReload={reload}
        onDone={(done) => {
          void message.success(t('finding.actionDone', { action: t(ACTION_LABELS[done]) }));
          void refetch();
        }}
      />
    </>
  );
}
