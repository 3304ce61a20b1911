import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { fetchSchemaSdl } from '@zeren/testing';
import { setUpDistrictWorld, type DistrictWorld } from '../fixtures/district';
import { recordedFinding, startedInspection } from '../fixtures/rectification';
import { startTestApp, type TestApp } from '../test-app';

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 10_000);
/** Text that only a crash or a leaky error handler puts in an answer. */
const LEAK = /\bat \w[\w.<>]* \(|\.[jt]s:\d+:\d+|QueryFailedError|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|syntax error at or near|violates .* constraint|relation "\w+"|"stacktrace"/i;

let app: TestApp;
let world: DistrictWorld;
let schema: GraphQLSchema;
/** Ids of district A1's records: none may appear in data answered to the other city's administrator. */
let districtIds: string[];
let idPool: string[];

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  schema = buildSchema(await fetchSchemaSdl(app.url));
  const inspectionId = await startedInspection(app.graphql, world.districtAdmin.token, { kind: 'SELF_CHECK', unitIds: [world.unitA] });
  const finding = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA });
  districtIds = [world.tenantId, world.unitA, world.unitB, world.officerA.id, world.officerB.id, world.districtAdmin.id, world.auditor.id, inspectionId, finding.id];
  idPool = [...districtIds, world.otherCityTenantId, world.otherCityUnit, world.otherCityAdmin.id, world.cityId, '00000000-0000-0000-0000-000000000000', 'not-an-id'];
});
afterAll(() => app.close());

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\u202e管理员', "'; DROP TABLE events; --", '../../etc/passwd', '%s%s%n', '2026-02-30', 'x'.repeat(5000)),
);

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648));
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return fc.oneof(fc.constantFrom(...idPool), fc.uuid());
    case 'DateTime':
      return fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((date) => date.toISOString()), text);
    default:
      return fc.oneof(text, fc.constantFrom('2026-06-30', '330114', 'a'.repeat(64)));
  }
}

function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  const orNull = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.oneof({ weight: 9, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return orNull(fc.array(valueOf(type.ofType, depth + 1), { maxLength: depth > 2 ? 0 : 3 }));
  if (isEnumType(type)) return orNull(fc.constantFrom(...type.getValues().map((value) => value.name)));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return orNull(fc.record(Object.fromEntries(fields.map((field) => [field.name, depth > 3 ? fc.constant(null) : valueOf(field.type, depth + 1)]))));
  }
  return orNull(scalar(type.name));
}

/** Scalars of the type, and one level of the objects under it: enough to read what a resolver returned. */
const isLeaf = (type: GraphQLOutputType): boolean => {
  const named = getNamedType(type);
  return isScalarType(named) || isEnumType(named);
};

function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeaf(named)) return '';
  if (isUnionType(named)) return '{ __typename }';
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const fields = Object.values(named.getFields()).filter((field) => field.args.every((argument) => !isNonNullType(argument.type)));
  const leaves = fields.filter((field) => isLeaf(field.type)).map((field) => field.name);
  const nested = depth < 1 ? fields.filter((field) => !isLeaf(field.type)).slice(0, 3).map((field) => `${field.name} ${selectionOf(field.type, depth + 1)}`) : [];
  const selected = [...leaves, ...nested].filter(Boolean);
  return `{ __typename ${selected.join(' ')} }`;
}

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: fc.Arbitrary<Record<string, unknown>> } {
  const declared = field.args.map((argument) => `$${argument.name}: ${argument.type.toString()}`);
  const passed = field.args.map((argument) => `${argument.name}: $${argument.name}`);
  const query = `${kind}${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''} ${selectionOf(field.type)} }`;
  const variables = fc.record(Object.fromEntries(field.args.map((argument) => [argument.name, valueOf(argument.type)]))) as fc.Arbitrary<Record<string, unknown>>;
  return { query, variables };
}

describe(`schema-driven fuzzing: ${RUNS} generated operations as each role`, () => {
  it('never answers 5xx, never shows a stack or SQL, never gives the other city data of district A1', async () => {
    const roles: Record<string, string | undefined> = {
      anonymous: undefined,
      platform: world.platformToken,
      districtAdmin: world.districtAdmin.token,
      officer: world.officerA.token,
      auditor: world.auditor.token,
      cityInspector: world.cityInspector.token,
      otherCityAdmin: world.otherCityAdmin.token,
    };
    const operations = [
      ...Object.values(schema.getQueryType()!.getFields()).map((field) => operationOf('query', field)),
      // These would end or change the fuzzing roles' own sessions mid-run; their rules have their own tests.
      ...Object.values(schema.getMutationType()!.getFields())
        .filter((field) => !['changePassword', 'deactivatePerson', 'changePersonRole'].includes(field.name))
        .map((field) => operationOf('mutation', field)),
    ];
    const tally = { runs: 0, ok: 0, refused: 0 };
    const generated = fc.constantFrom(...operations).chain((operation) => fc.tuple(fc.constant(operation.query), operation.variables, fc.constantFrom(...Object.keys(roles))));
    const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : Date.now() % 2_147_483_647;
    process.stdout.write(`schema fuzzing seed ${seed} (replay with FUZZ_SEED=${seed})\n`);
    await fc.assert(
      fc.asyncProperty(generated, async ([query, variables, role]) => {
        tally.runs++;
        const token = roles[role];
        const response = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = await response.text();
        if (response.status >= 500) throw new Error(`HTTP ${response.status} as ${role}: ${body.slice(0, 300)}`);
        if (LEAK.test(body)) throw new Error(`internal detail leaked as ${role}: ${body.slice(0, 300)}`);
        const parsed = JSON.parse(body) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
        if (parsed.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) throw new Error(`internal error as ${role}: ${body.slice(0, 300)}`);
        if (role === 'otherCityAdmin' && parsed.data) {
          const data = JSON.stringify(parsed.data);
          const leaked = districtIds.filter((id) => data.includes(id));
          if (leaked.length) throw new Error(`district A1 ids ${leaked.join(', ')} answered to the other city: ${data.slice(0, 300)}`);
        }
        if (parsed.errors?.length) tally.refused++;
        else tally.ok++;
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
    process.stdout.write(`schema fuzzing: ${tally.runs} operations, ${tally.ok} answered, ${tally.refused} refused with a typed error, 0 server errors\n`);
    expect(tally.runs).toBe(RUNS);
  });
});
