import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Form, Input, InputNumber, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { KeyProjectCategory, KeyProjectPlansQuery as PlansData } from '../generated/graphql';
import { canAny } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
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
import { CATEGORY_LABELS, PLAN_STATUS_LABELS, STANDING_LABELS } from './responsibility.labels';

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

const MONTH = { pattern: /^\d{4}-\d{2}$/, message: '格式为 YYYY-MM' };

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
  const { data } = useQuery(KeyProjectPlanQuery, { variables: { id: planId } });
  const milestones = data?.keyProjectPlan.projects.find((project) => project.id === projectId)?.milestones ?? [];
  return (
    <Space wrap data-testid="milestones">
      {milestones.map((milestone) => (
        <Tag key={milestone.month} color={STANDING_LABELS[milestone.standing].color} title={`${milestone.target}，${milestone.dueDate} 前报送`}>
          {milestone.month} {STANDING_LABELS[milestone.standing].text}
          {milestone.report && ` · ${milestone.report.completionPercent}%`}
        </Tag>
      ))}
    </Space>
  );
}

/** 重点工作项目: a year's weighted projects per owner, confirmed when the weights make 100, and their monthly progress. */
export function ProjectsTab({ scope }: { scope: CycleScope }) {
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
          制定项目计划
        </Button>
      )}
      {plans.length === 0 && <Empty description="本年度尚无重点工作项目" />}
      {plans.map((plan) => (
        <Card
          key={plan.id}
          className="block-gap"
          data-testid="key-project-plan"
          title={`${plan.ownerUnitId ? (nameOf(plan.ownerUnitId) ?? '') : '本区'}重点工作项目 · ${PLAN_STATUS_LABELS[plan.status]} · 权重合计 ${plan.totalWeight}% · 加权完成度 ${plan.weightedCompletion}%`}
          extra={
            <Space>
              {plan.status === 'DRAFT' && mayCreate && <Button onClick={() => setAdding(plan)}>添加项目</Button>}
              {plan.status === 'DRAFT' && mayCreate && (
                <Button type="primary" onClick={() => void confirm(plan)} data-testid="confirm-plan">
                  确定计划
                </Button>
              )}
              {plan.status === 'CONFIRMED' && mayUpdate && (
                <Button onClick={() => setReporting(plan)} data-testid="report-progress">
                  报送月度进展
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
              { title: '类别', dataIndex: 'category', width: 90, render: (category: KeyProjectCategory) => <Tag>{CATEGORY_LABELS[category]}</Tag> },
              { title: '项目', dataIndex: 'title' },
              { title: '权重', dataIndex: 'weight', width: 70, render: (weight: number) => `${weight}%` },
              { title: '目标', dataIndex: 'goal', ellipsis: true },
              { title: '完成度', dataIndex: 'completionPercent', width: 160, render: (percent: number) => <Progress percent={percent} size="small" /> },
            ]}
          />
        </Card>
      ))}
      <FormModal<{ ownerUnitId?: string }>
        open={drafting}
        title="制定重点工作项目计划"
        onClose={() => setDrafting(false)}
        onSubmit={async ({ ownerUnitId }) => {
          await draftPlan({ variables: { input: { tenantId: scope.tenantId, year: scope.year, ownerUnitId: ownerUnitId ?? null } } });
          reload();
        }}
      >
        {/* The city sets the district's own plan; a district sets its units'. */}
        {viewer.tenant ? (
          <Form.Item name="ownerUnitId" label="单位" rules={[{ required: true }]}>
            <UnitSelect tenantId={scope.tenantId} />
          </Form.Item>
        ) : (
          <p>为所选区县制定本年度重点工作项目计划。</p>
        )}
      </FormModal>
      <FormModal<ProjectValues>
        open={adding !== null}
        title="添加重点工作项目"
        initialValues={{ category: 'REFORM_INNOVATION', weight: 10 }}
        onClose={() => setAdding(null)}
        onReload={reload}
        onSubmit={async ({ milestones, ...project }) => {
          await addProject({ variables: { input: { id: adding!.id, expectedVersion: adding!.version, ...project, milestones: parseMilestones(milestones) } } });
          reload();
        }}
      >
        <Form.Item name="category" label="类别" rules={[{ required: true }]}>
          <Select options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="项目名称" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="weight" label="权重（%）" rules={[{ required: true }]}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="goal" label="目标" rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="milestones" label="月度节点（每行：YYYY-MM 节点目标）" rules={[{ required: true }]}>
          <Input.TextArea rows={4} placeholder={`${scope.year}-03 完成选址`} />
        </Form.Item>
      </FormModal>
      <FormModal<ProgressValues>
        open={reporting !== null}
        title="报送项目月度进展"
        onClose={() => setReporting(null)}
        onReload={reload}
        onSubmit={async (values) => {
          await reportProgress({ variables: { input: { id: reporting!.id, expectedVersion: reporting!.version, ...values, evidenceHashes: [] } } });
          reload();
        }}
      >
        <Form.Item name="projectId" label="项目" rules={[{ required: true }]}>
          <Select data-testid="progress-project" options={(reporting?.projects ?? []).map((project) => ({ value: project.id, label: project.title }))} />
        </Form.Item>
        <Form.Item name="month" label="月份" rules={[{ required: true }, MONTH]}>
          <Input placeholder="YYYY-MM" />
        </Form.Item>
        <Form.Item name="completionPercent" label="完成度（%）" rules={[{ required: true }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="summary" label="进展情况" rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
