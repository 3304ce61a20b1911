import { expectData, setUpDistrictWorld, type DistrictWorld, type GraphQLCall, type SignIn } from '../fixtures/district';
import { daysFromToday, recordedFinding, startedInspection } from '../fixtures/rectification';
import type { GraphQLResponse } from '../test-app';

/** A GraphQL client of any running API (in-process or a server process), never throwing on HTTP errors. */
export function httpGraphQL(url: string): GraphQLCall {
  return async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLResponse<T>, 'status'>) };
    } catch {
      return { status: response.status, errors: [{ message: text.slice(0, 200), extensions: { code: `HTTP_${response.status}` } }] };
    }
  };
}

export function signInWith(call: GraphQLCall): SignIn {
  return async (username, password) =>
    (await expectData<{ signIn: { accessToken: string } }>(call, 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }', { input: { username, password } }, '')).signIn.accessToken;
}

export const CHECK_IN = 'mutation($input: CheckInProgressInput!) { checkInProgress(input: $input) { id version latestPercent checkInCount } }';

export interface PlannedFinding {
  id: string;
  version: number;
}

/** The district world, plus `count` findings of unit A with a rectification plan: ready for check-ins by officer A. */
export async function plannedFindings(call: GraphQLCall, signIn: SignIn, count: number, parallel = 8): Promise<{ world: DistrictWorld; findings: PlannedFinding[] }> {
  const world = await setUpDistrictWorld(call, signIn);
  const inspectionId = await startedInspection(call, world.districtAdmin.token, { kind: 'SELF_CHECK', unitIds: [world.unitA] });
  const plan = { measures: '制定学习计划，补足学习次数', responsiblePerson: { name: '王明' }, plannedCompletionDate: daysFromToday(30) };
  const findings: PlannedFinding[] = [];
  const next = async (): Promise<void> => {
    while (findings.length + inFlight < count) {
      inFlight++;
      const recorded = await recordedFinding(call, world.districtAdmin.token, { inspectionId, unitId: world.unitA });
      const planned = await expectData<{ submitRectificationPlan: PlannedFinding }>(
        call,
        'mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) { id version } }',
        { input: { id: recorded.id, expectedVersion: recorded.version, ...plan } },
        world.officerA.token,
      );
      inFlight--;
      findings.push(planned.submitRectificationPlan);
    }
  };
  let inFlight = 0;
  await Promise.all(Array.from({ length: parallel }, next));
  return { world, findings };
}
