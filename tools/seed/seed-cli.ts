import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seedDemo } from './seed-demo';

/** `npm run seed`: seeds the demo data into a running API (ZEREN_API_URL, default http://127.0.0.1:$PORT). */
function platformPassword(): string {
  const fromEnv = process.env['ZEREN_BOOTSTRAP_ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  const secrets = join(resolve(process.env['ZEREN_DATA_DIR'] ?? '.zeren-data'), 'secrets.json');
  if (!existsSync(secrets)) throw new Error(`no ZEREN_BOOTSTRAP_ADMIN_PASSWORD and no ${secrets}`);
  return (JSON.parse(readFileSync(secrets, 'utf8')) as { bootstrapAdminPassword: string }).bootstrapAdminPassword;
}

async function main(): Promise<void> {
  const apiUrl = process.env['ZEREN_API_URL'] ?? `http://127.0.0.1:${process.env['PORT'] ?? '3000'}`;
  const result = await seedDemo(apiUrl, platformPassword(), { log: (message) => console.log(`seed: ${message}`) });
  console.log(result.created ? 'seed: demo data created' : 'seed: demo data already present; nothing changed');
  console.table(result.accounts.map(({ username, roleLabel, scope, password }) => ({ username, 角色: roleLabel, 范围: scope, password })));
}

main().catch((error: unknown) => {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
