import { useMutation } from '@apollo/client/react';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/locale';
import { FormModal } from '../shared/form-modal';
import { UnitSelect } from '../shared/unit-select';
import { FollowUpSelect } from './follow-up-select';
import type { FindingPageAction } from './finding-actions';
import {
  ApproveExtensionMutation,
  PassDistrictReviewMutation,
  RefuseExtensionMutation,
  RejectDistrictReviewMutation,
  ReassignFindingMutation,
  RejectSignOffMutation,
  ReopenFindingMutation,
  RequestExtensionMutation,
  SignOffFindingMutation,
  SubmitForSignOffMutation,
  SubmitRectificationPlanMutation,
  WithdrawFindingMutation,
} from './finding-mutations.documents';

/** The finding as the modals need it: which record, at which version (a stale one gets CONFLICT). */
export interface ActionTarget {
  id: string;
  tenantId: string;
  unitId: string;
  version: number;
  deadline: string;
}

interface ActionValues {
  text?: string;
  measures?: string;
  responsiblePerson?: string;
  date?: Dayjs;
  unitId?: string;
  inspectionId?: string;
}

/** What each action asks for: a comment (optional), a reason (required), a plan or a new deadline. */
const FORMS: Record<Exclude<FindingPageAction, 'checkIn'>, { title: MessageKey; field: 'comment' | 'reason' | 'note' | 'plan' | 'extension' | 'reassign' | 'reopen' }> = {
  submitPlan: { title: 'finding.submitPlan', field: 'plan' },
  submit: { title: 'finding.submit', field: 'note' },
  reviewPass: { title: 'finding.reviewPass', field: 'comment' },
  reviewReject: { title: 'finding.reviewReject', field: 'reason' },
  signOff: { title: 'finding.signOff', field: 'comment' },
  reject: { title: 'finding.reject', field: 'reason' },
  requestExtension: { title: 'finding.requestExtension', field: 'extension' },
  approveExtension: { title: 'finding.approveExtension', field: 'comment' },
  refuseExtension: { title: 'finding.refuseExtension', field: 'reason' },
  reassign: { title: 'finding.reassign', field: 'reassign' },
  withdraw: { title: 'finding.withdraw', field: 'reason' },
  reopen: { title: 'finding.reopen', field: 'reopen' },
};

/** Fields whose text is a required reason rather than an optional comment. */
const REASONED: ReadonlySet<string> = new Set(['reason', 'extension', 'reassign', 'reopen']);

export type FormAction = keyof typeof FORMS;

function useActionMutations() {
  const [submitPlan] = useMutation(SubmitRectificationPlanMutation);
  const [submit] = useMutation(SubmitForSignOffMutation);
  const [reviewPass] = useMutation(PassDistrictReviewMutation);
  const [reviewReject] = useMutation(RejectDistrictReviewMutation);
  const [signOff] = useMutation(SignOffFindingMutation);
  const [reject] = useMutation(RejectSignOffMutation);
  const [requestExtension] = useMutation(RequestExtensionMutation);
  const [approveExtension] = useMutation(ApproveExtensionMutation);
  const [refuseExtension] = useMutation(RefuseExtensionMutation);
  const [withdraw] = useMutation(WithdrawFindingMutation);
  const [reassign] = useMutation(ReassignFindingMutation);
  const [reopen] = useMutation(ReopenFindingMutation);

  return (action: FormAction, target: ActionTarget, values: ActionValues): Promise<unknown> => {
    const change = { id: target.id, expectedVersion: target.version };
    const comment = values.text?.trim() || null;
    const reason = values.text?.trim() ?? '';
    switch (action) {
      case 'submitPlan':
        return submitPlan({
          variables: {
            input: { ...change, measures: values.measures!.trim(), responsiblePerson: { name: values.responsiblePerson!.trim() }, plannedCompletionDate: values.date!.format('YYYY-MM-DD') },
          },
        });
      case 'submit':
        return submit({ variables: { input: { ...change, note: comment } } });
      case 'reviewPass':
        return reviewPass({ variables: { input: { ...change, comment } } });
      case 'reviewReject':
        return reviewReject({ variables: { input: { ...change, reason } } });
      case 'signOff':
        return signOff({ variables: { input: { ...change, comment } } });
      case 'reject':
        return reject({ variables: { input: { ...change, reason } } });
      case 'requestExtension':
        return requestExtension({ variables: { input: { ...change, reason, requestedDeadline: values.date!.format('YYYY-MM-DD') } } });
      case 'approveExtension':
        return approveExtension({ variables: { input: { ...change, comment } } });
      case 'refuseExtension':
        return refuseExtension({ variables: { input: { ...change, reason } } });
      case 'withdraw':
        return withdraw({ variables: { input: { ...change, reason } } });
      case 'reassign':
        return reassign({ variables: { input: { ...change, reason, toUnitId: values.unitId! } } });
      case 'reopen':
        return reopen({ variables: { input: { ...change, reason, followUpInspectionId: values.inspectionId!, deadline: values.date!.format('YYYY-MM-DD') } } });
    }
  };
}

/** One modal for every lifecycle action but the check-in; its fields follow the action. */
export function FindingActionModal({ action, target, onClose, onDone, onReload }: { action: FormAction | null; target: ActionTarget; onClose: () => void; onDone: (action: FormAction) => void; onReload: () => void }) {
  const { t } = useI18n();
  const perform = useActionMutations();
  const form = action ? FORMS[action] : null;
  return (
    <FormModal<ActionValues>
      open={action !== null}
      title={form ? t(form.title) : ''}
      okText={form ? t(form.title) : undefined}
      initialValues={form?.field === 'plan' ? { date: dayjs(target.deadline) } : {}}
      onClose={onClose}
      onReload={onReload}
      onSubmit={async (values) => {
        await perform(action!, target, values);
        onDone(action!);
      }}
    >
      {form?.field === 'plan' && (
        <>
          <Form.Item name="measures" label={t('finding.measures')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="responsiblePerson" label={t('finding.responsiblePerson')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="date" label={t('finding.plannedCompletionDate')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(date) => date.isAfter(dayjs(target.deadline), 'day')} />
          </Form.Item>
        </>
      )}
      {form?.field === 'extension' && (
        <Form.Item name="date" label={t('finding.requestedDeadline')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(date) => !date.isAfter(dayjs(target.deadline), 'day')} />
        </Form.Item>
      )}
      {form?.field === 'reassign' && (
        <Form.Item name="unitId" label={t('finding.reassignTo')} rules={[{ required: true }]}>
          <UnitSelect tenantId={target.tenantId} />
        </Form.Item>
      )}
      {form?.field === 'reopen' && (
        <>
          <Form.Item name="inspectionId" label={t('finding.followUpInspection')} rules={[{ required: true }]}>
            <FollowUpSelect tenantId={target.tenantId} />
          </Form.Item>
          <Form.Item name="date" label={t('finding.newDeadline')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(date) => date.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </>
      )}
      {form && form.field !== 'plan' && (
        <Form.Item
          name="text"
          label={REASONED.has(form.field) ? t('common.reason') : form.field === 'note' ? t('finding.note') : t('common.comment')}
          rules={[{ required: REASONED.has(form.field) }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </FormModal>
  );
}
