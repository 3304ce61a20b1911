import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets a single-machine set-up generates once and keeps beside its data (mode 0600), so a
 * restart finds the same passwords and keys. Several instances pass them in the environment instead.
 */
export interface LocalSecrets {
  superuserPassword: string;
  appDbPassword: string;
  jwtSecret: string;
  /** The first platform administrator's password (account `platform`), for single-machine set-ups. */
  bootstrapAdminPassword: string;
}

const generate = (): string => randomBytes(32).toString('base64url');

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<LocalSecrets> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  const secrets: LocalSecrets = {
    superuserPassword: stored.superuserPassword ?? generate(),
    appDbPassword: stored.appDbPassword ?? generate(),
    jwtSecret: stored.jwtSecret ?? generate(),
    bootstrapAdminPassword: stored.bootstrapAdminPassword ?? `Zr-${randomBytes(9).toString('base64url')}`,
  };
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
