import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

const root = join(__dirname, '../../../..');
const schema = buildSchema(readFileSync(join(root, 'apps/api/schema.graphql'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('the README’s GraphQL examples', () => {
  it('are there to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((example) => [example.split('\n')[0]!, example]))('%s is valid against the committed schema', (_title, example) => {
    expect(validate(schema, parse(example)).map((error) => error.message)).toEqual([]);
  });
});
