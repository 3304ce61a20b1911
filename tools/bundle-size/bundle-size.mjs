#!/usr/bin/env node
// Reports what the browser downloads for the first page, gzipped, from the Vite manifest of the
// last `vite build`: the entry and everything it imports statically, plus the chunk of the first
// route (sign-in for a visitor, the dashboard for a returning user) and its static imports. Lazy
// pages are listed separately. Exits non-zero when ZEREN_BUNDLE_BUDGET_KB is set and exceeded.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist/apps/web');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const raw = (file) => readFileSync(join(dist, file)).length;

/** A chunk and its static imports, as manifest keys. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const routeKey = (page) => Object.keys(manifest).find((key) => key.endsWith(page));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

function report(label, keys) {
  const files = [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
  const css = [...new Set([...keys].flatMap((key) => manifest[key].css ?? []))];
  const js = files.reduce((sum, file) => sum + gzipped(file), 0);
  const styles = css.reduce((sum, file) => sum + gzipped(file), 0);
  console.log(`${label}: ${kb(js)} JS gzipped (${kb(files.reduce((sum, file) => sum + raw(file), 0))} raw) in ${files.length} files, ${kb(styles)} CSS`);
  return js;
}

const entry = staticClosure(entryKey);
console.log(`web client bundle (${dist})`);
const firstPages = [
  ['first page, signed out (entry + sign-in)', 'src/auth/sign-in-page.tsx'],
  ['first page, signed in (entry + shell + dashboard)', 'src/dashboard/dashboard-page.tsx'],
];
let largest = 0;
for (const [label, page] of firstPages) {
  const key = routeKey(page);
  const keys = new Set(entry);
  if (key) for (const chunk of staticClosure(key)) keys.add(chunk);
  // The signed-in shell is itself a lazy chunk: count it for the signed-in first page.
  const shell = routeKey('src/app/routes.tsx');
  if (shell && page.includes('dashboard')) for (const chunk of staticClosure(shell)) keys.add(chunk);
  largest = Math.max(largest, report(label, keys));
}
report('entry only', entry);

console.log('\nlazy chunks (gzipped, own file only):');
for (const key of Object.keys(manifest).filter((candidate) => manifest[candidate].isDynamicEntry).sort()) {
  console.log(`  ${kb(gzipped(manifest[key].file)).padStart(9)}  ${key}`);
}

const budget = Number(process.env.ZEREN_BUNDLE_BUDGET_KB ?? '0');
if (budget > 0 && largest / 1024 > budget) {
  console.error(`\nfirst page JS ${kb(largest)} exceeds the budget of ${budget} kB`);
  process.exit(1);
}
