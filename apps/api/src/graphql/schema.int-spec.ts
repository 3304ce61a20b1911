import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchSchemaSdl } from '@zeren/testing';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { startTestApp, type TestApp } from '../../test/test-app';

let app: TestApp;
let sdl: string;

beforeAll(async () => {
  app = await startTestApp();
  sdl = await fetchSchemaSdl(app.url);
});
afterAll(() => app.close());

describe('the committed GraphQL schema', () => {
  it('is exactly what the code generates (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(__dirname, '../../schema.graphql'), 'utf8');
    expect(sdl).toBe(committed);
  });

  it('describes every type and every field', () => {
    const schema = buildSchema(sdl);
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // Root operation types are named by GraphQL itself; their fields carry the descriptions.
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });
});
