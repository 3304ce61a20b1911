#!/usr/bin/env node
// Compiles the API and the libraries it imports to CommonJS in dist/api with swc (decorator
// metadata included), rewriting the @zeren/* aliases to relative paths. Type checking is tsc's job.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'dist/api');
const sources = ['apps/api/src', 'libs/domain/src', 'libs/events/src', 'tools/seed', 'tools/verify-audit', 'tools/bench', 'tools/replay', 'tools/schema', 'tools/testing/src'];
const isTest = (file) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file) || file.includes('/test/');

function collect(dir) {
  let files = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return files;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files = files.concat(collect(path));
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts') && !isTest(path)) files.push(path);
  }
  return files;
}

const started = Date.now();
rmSync(outDir, { recursive: true, force: true });
const files = sources.flatMap((source) => collect(join(root, source)));
await Promise.all(
  files.map(async (file) => {
    const output = await transformFile(file, {
      sourceMaps: true,
      module: { type: 'commonjs', ignoreDynamic: true },
      jsc: {
        target: 'es2023',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        baseUrl: root,
        paths: {
          '@zeren/domain': ['./libs/domain/src/index.ts'],
          '@zeren/events': ['./libs/events/src/index.ts'],
          '@zeren/testing': ['./tools/testing/src/index.ts'],
        },
      },
    });
    const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${output.code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (output.map) writeFileSync(`${target}.map`, output.map);
  }),
);
console.log(`build-api: compiled ${files.length} files to ${relative(root, outDir)} in ${Date.now() - started} ms`);
