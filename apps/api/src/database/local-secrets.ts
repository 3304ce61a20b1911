import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets the embedded set-up generates once and keeps beside its data (mode 0600), so a
 * restart finds the same database passwords. A server deployment passes them in the environment.
 */
export interface LocalSecrets {
  superuserPassword: string;
  appDbPassword: string;
}

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    superuserPassword: randomBytes(24).toString('base64url'),
    appDbPassword: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
