import { Client } from 'pg';

/** Settings without which an acknowledged commit may vanish in a crash (the crash tests rely on them). */
const DURABILITY_SETTINGS = ['fsync', 'synchronous_commit', 'full_page_writes'] as const;

export class UnsafeDatabaseSettingsError extends Error {
  /** Stable, for scripts and operators who grep start-up failures. */
  readonly code = 'UNSAFE_DATABASE_SETTINGS';

  constructor(readonly settings: string[]) {
    super(`UNSAFE_DATABASE_SETTINGS: refusing to start with ${settings.join(', ')} — acknowledged writes could be lost in a crash; turn these back on in postgresql.conf`);
    this.name = 'UnsafeDatabaseSettingsError';
  }
}

/** Reads the settings as the given connection sees them (per-database and per-role overrides included). */
export async function assertDurableSettings(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>('SELECT name, setting FROM pg_settings WHERE name = ANY($1)', [DURABILITY_SETTINGS]);
    const unsafe = rows.filter((row) => row.setting === 'off').map((row) => `${row.name}=off`);
    if (unsafe.length) throw new UnsafeDatabaseSettingsError(unsafe);
  } finally {
    await client.end();
  }
}
