import { useMutation, useQuery } from '@apollo/client/react';
import { KEY_PROJECT_CATEGORIES } from '@zeren/events';
import { Button, Card, Empty, Form, Input, InputNumber, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { KeyProjectCategory, KeyProjectPlansQuery as PlansData } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canAny } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { useLabelledOptions } from '../shared/enum-options';
import { FormModal } from '../shared/form-modal';
import { UnitSelect } from '../shared/unit-select';
import { useUnits } from '../shared/use-units';
import type { CycleScope } from './responsibility-page';
import {
  AddKeyProjectMutation,
  ConfirmKeyProjectPlanMutation,
  DraftKeyProjectPlanMutation,
  KeyProjectPlanQuery,
  KeyProjectPlansQuery,
  ReportKeyProjectProgressMutation,
} from './responsibility.documents';
import { STANDING_COLOURS } from './responsibility.labels';

type Plan = PlansData['keyProjectPlans'][number];
type Project = Plan['projects'][number];

interface ProjectValues {
  category: KeyProjectCategory;
  title: string;
  weight: number;
  goal: string;
  /** One milestone a line: "YYYY-MM 节点目标". */
  milestones: string;
}

interface ProgressValues {
  projectId: string;
  month: string;
  completionPercent: number;
  summary: string;
}

const MONTH = /^\d{4}-\d{2}$/;

function parseMilestones(text: string): Array<{ month: string; target: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [month = '', ...target] = line.split(/\s+/);
      return { month, target: target.join(' ') || month };
    });
}

/** Each project's month-by-month milestones and whether their progress came in on time. */
function Milestones({ planId, projectId }: { planId: string; projectId: string }) {
  const { t, label } = useI18n();
  const { data } = useQuery(KeyProjectPlanQuery, { variables: { id: planId } });
  const milestones = data?.keyProjectPlan.projects.find((project) => project.id === projectId)?.milestones ?? [];
  return (
    <Space wrap data-testid="milestones">
      {milestones.map((milestone) => (
        <Tag key={milestone.month} color={STANDING_COLOURS[milestone.standing]} title={t('responsibility.milestoneDue', { target: milestone.target, dueDate: milestone.dueDate })}>
          {milestone.month} {label('reportStanding', milestone.standing)}
          {milestone.report && ` · ${milestone.report.completionPercent}%`}
        </Tag>
      ))}
    </Space>
  );
}

/** 重点工作项目: a year's weighted projects per owner, confirmed when the weights make 100, and their monthly progress. */
export function ProjectsTab({ scope }: { scope: CycleScope }) {
  const { t, label } = useI18n();
  const options = useLabelledOptions();
  const { viewer, ability } = useSignedIn();
  const { data, error, refetch } = useQuery(KeyProjectPlansQuery, { variables: scope });
  const { nameOf } = useUnits(scope.tenantId);
  const [draftPlan] = useMutation(DraftKeyProjectPlanMutation);
  const [addProject] = useMutation(AddKeyProjectMutation);
  const [confirmPlan] = useMutation(ConfirmKeyProjectPlanMutation);
  const [reportProgress] = useMutation(ReportKeyProjectProgressMutation);
  const [drafting, setDrafting] = useState(false);
  const [adding, setAdding] = useState<Plan | null>(null);
  const [reporting, setReporting] = useState<Plan | null>(null);
  const [confirmError, setConfirmError] = useState<unknown>(null);
  const reload = (): void => void refetch();
  const mayCreate = canAny(ability, 'create', 'Responsibility');
  const mayUpdate = canAny(ability, 'update', 'Responsibility');
  const plans = data?.keyProjectPlans ?? [];

  const confirm = async (plan: Plan): Promise<void> => {
    setConfirmError(null);
    try {
      await confirmPlan({ variables: { input: { id: plan.id, expectedVersion: plan.version } } });
      reload();
    } catch (caught) {
      setConfirmError(caught);
    }
  };

  return (
    <>
      <ApiErrorAlert error={error ?? confirmError} onReload={reload} />
      {mayCreate && (
        <Button type="primary" className="block-gap" onClick={() => setDrafting(true)} data-testid="draft-plan">
          {t('responsibility.draftPlan')}
        </Button>
      )}
      {plans.length === 0 && <Empty description={t('responsibility.noProjects')} />}
      {plans.map((plan) => (
        <Card
          key={plan.id}
          className="block-gap"
          data-testid="key-project-plan"
          title={t('responsibility.planTitle', {
            owner: plan.ownerUnitId ? (nameOf(plan.ownerUnitId) ?? '') : t('responsibility.thisDistrict'),
            status: label('keyProjectPlanStatus', plan.status),
            weight: plan.totalWeight,
            completion: plan.weightedCompletion,
          })}
          extra={
            <Space>
              {plan.status === 'DRAFT' && mayCreate && <Button onClick={() => setAdding(plan)}>{t('responsibility.addProject')}</Button>}
              {plan.status === 'DRAFT' && mayCreate && (
                <Button type="primary" onClick={() => void confirm(plan)} data-testid="confirm-plan">
                  {t('responsibility.confirmPlan')}
                </Button>
              )}
              {plan.status === 'CONFIRMED' && mayUpdate && (
                <Button onClick={() => setReporting(plan)} data-testid="report-progress">
                  {t('responsibility.reportProgress')}
                </Button>
              )}
            </Space>
          }
        >
          <Table<Project>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={plan.projects}
            expandable={{ expandedRowRender: (project) => <Milestones planId={plan.id} projectId={project.id} /> }}
            columns={[
              { title: t('responsibility.category'), dataIndex: 'category', width: 90, render: (category: KeyProjectCategory) => <Tag>{label('keyProjectCategory', category)}</Tag> },
              { title: t('responsibility.project'), dataIndex: 'title' },
              { title: t('responsibility.weight'), dataIndex: 'weight', width: 70, render: (weight: number) => `${weight}%` },
              { title: t('responsibility.goal'), dataIndex: 'goal', ellipsis: true },
              {
                title: t('responsibility.completion'),
                dataIndex: 'completionPercent',
                width: 160,
                render: (percent: number) => <Progress percent={percent} size="small" />,
              },
            ]}
          />
        </Card>
      ))}
      <FormModal<{ ownerUnitId?: string }>
        open={drafting}
        title={t('responsibility.draftPlanTitle')}
        onClose={() => setDrafting(false)}
        onSubmit={async ({ ownerUnitId }) => {
          await draftPlan({ variables: { input: { tenantId: scope.tenantId, year: scope.year, ownerUnitId: ownerUnitId ?? null } } });
          reload();
        }}
      >
        {/* The city sets the district's own plan; a district sets its units'. */}
        {viewer.tenant ? (
          <Form.Item name="ownerUnitId" label={t('responsibility.unit')} rules={[{ required: true }]}>
            <UnitSelect tenantId={scope.tenantId} />
          </Form.Item>
        ) : (
          <p>{t('responsibility.draftDistrictPlan')}</p>
        )}
      </FormModal>
      <FormModal<ProjectValues>
        open={adding !== null}
        title={t('responsibility.addProjectTitle')}
        initialValues={{ category: 'REFORM_INNOVATION', weight: 10 }}
        onClose={() => setAdding(null)}
        onReload={reload}
        onSubmit={async ({ milestones, ...project }) => {
          await addProject({ variables: { input: { id: adding!.id, expectedVersion: adding!.version, ...project, milestones: parseMilestones(milestones) } } });
          reload();
        }}
      >
        <Form.Item name="category" label={t('responsibility.category')} rules={[{ required: true }]}>
          <Select options={options('keyProjectCategory', KEY_PROJECT_CATEGORIES)} />
        </Form.Item>
        <Form.Item name="title" label={t('responsibility.projectName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="weight" label={t('responsibility.weightPercent')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="goal" label={t('responsibility.goal')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="milestones" label={t('responsibility.milestones')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} placeholder={t('responsibility.milestonesPlaceholder', { year: scope.year })} />
        </Form.Item>
      </FormModal>
      <FormModal<ProgressValues>
        open={reporting !== null}
        title={t('responsibility.reportProgressTitle')}
        onClose={() => setReporting(null)}
        onReload={reload}
        onSubmit={async (values) => {
          await reportProgress({ variables: { input: { id: reporting!.id, expectedVersion: reporting!.version, ...values, evidenceHashes: [] } } });
          reload();
        }}
      >
        <Form.Item name="projectId" label={t('responsibility.project')} rules={[{ required: true }]}>
          <Select data-testid="progress-project" options={(reporting?.projects ?? []).map((project) => ({ value: project.id, label: project.title }))} />
        </Form.Item>
        <Form.Item name="month" label={t('responsibility.month')} rules={[{ required: true }, { pattern: MONTH, message: t('responsibility.formatMonth') }]}>
          <Input placeholder="YYYY-MM" />
        </Form.Item>
        <Form.Item name="completionPercent" label={t('responsibility.completionPercent')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="summary" label={t('responsibility.progress')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
