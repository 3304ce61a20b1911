#!/usr/bin/env node
// `npm start`: builds, runs the server (production unless NODE_ENV says otherwise) with its output
// on this terminal, waits until /health answers, seeds the demo districts on a database that has
// none (unless ZEREN_SEED_DEMO=never), then prints the address and the demo sign-in accounts.
// SIGINT/SIGTERM go to the server, which shuts down cleanly; this script exits with it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = process.env.PORT ?? '3000';
const localUrl = `http://127.0.0.1:${port}`;
const dataDir = resolve(root, process.env.ZEREN_DATA_DIR ?? '.zeren-data');
const HEALTH_TIMEOUT_MS = 180_000;

function build() {
  if (process.env.ZEREN_SKIP_BUILD === '1') return;
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function startServer() {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/api/apps/api/src/main.js')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return child;
}

async function waitForHealth(server) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('the server stopped before it was healthy');
    try {
      const response = await fetch(`${localUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`no answer from ${localUrl}/health within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

/** The platform administrator's password: the environment's, or the one generated on first start. */
function platformPassword() {
  if (process.env.ZEREN_BOOTSTRAP_ADMIN_PASSWORD) return process.env.ZEREN_BOOTSTRAP_ADMIN_PASSWORD;
  const secrets = join(dataDir, 'secrets.json');
  if (!existsSync(secrets)) return null;
  return JSON.parse(readFileSync(secrets, 'utf8')).bootstrapAdminPassword ?? null;
}

function printAccounts(accounts) {
  const rows = accounts.map((account) => [account.username, account.role, account.roleLabel, account.scope, account.password]);
  const header = ['username', 'role', '中文角色', '范围', 'password'];
  // Chinese characters take two columns in a terminal.
  const width = (text) => [...String(text)].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]))));
  const line = (cells) => cells.map((cell, column) => String(cell) + ' '.repeat(widths[column] - width(cell))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

let server = null;

async function main() {
  build();
  server = startServer();
  await waitForHealth(server);
  const { seedDemo, demoAccounts } = createRequire(import.meta.url)(join(root, 'dist/api/tools/seed/seed-demo.js'));
  const password = platformPassword();
  let seeded = true;
  if (process.env.ZEREN_SEED_DEMO === 'never') seeded = false;
  else if (!password) console.warn('start: no platform password (ZEREN_BOOTSTRAP_ADMIN_PASSWORD or secrets.json); demo data not seeded');
  else {
    try {
      const result = await seedDemo(localUrl, password, { log: (message) => console.log(`seed: ${message}`) });
      console.log(result.created ? 'start: demo data created' : 'start: demo data already present');
    } catch (error) {
      // The server is fine without demo data: say why and keep it running.
      seeded = false;
      console.error(`start: seeding the demo data failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const displayUrl = `http://localhost:${port}`;
  console.log(`\n责任链 Zeren is running at ${displayUrl}  (GraphQL ${displayUrl}/graphql, health ${displayUrl}/health)\n`);
  printAccounts(demoAccounts(password ?? '(see secrets.json)').filter((account) => seeded || account.role === 'platform_admin'));
  console.log('\nCtrl+C stops the server.');
}

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  if (server && server.exitCode === null) server.kill('SIGTERM');
  else process.exit(1);
});
