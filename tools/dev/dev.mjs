#!/usr/bin/env node
// Development: the API rebuilt and restarted on change (swc, ~0.1 s), and Vite's dev server with hot
// reload for the web client, proxying /graphql and /api to the API.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiPort = process.env.PORT ?? '3000';
let api;
let restartTimer;

function run(command, args, env = {}) {
  return spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

function restartApi() {
  const build = run(process.execPath, ['tools/build/build-api.mjs']);
  build.on('exit', (code) => {
    if (code !== 0) return;
    const start = () => {
      api = run(process.execPath, ['--enable-source-maps', 'dist/api/apps/api/src/main.js'], { PORT: apiPort, NODE_ENV: 'development' });
    };
    if (api && api.exitCode === null) {
      api.once('exit', start);
      api.kill('SIGTERM');
    } else start();
  });
}

for (const dir of ['apps/api/src', 'libs/domain/src', 'libs/events/src']) {
  watch(join(root, dir), { recursive: true }, () => {
    clearTimeout(restartTimer);
    restartTimer = setTimeout(restartApi, 300);
  });
}
restartApi();
const web = run(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'apps/web/vite.config.mts'], {
  ZEREN_API_URL: `http://127.0.0.1:${apiPort}`,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    web.kill(signal);
    api?.kill(signal);
    process.exit(0);
  });
}
