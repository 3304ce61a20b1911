import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fetchSchemaSdl, freePort, startServerProcess } from '@zeren/testing';

/** Writes apps/api/schema.graphql from the code: boots the built server on a throw-away database. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zeren-schema-'));
  const server = await startServerProcess({
    NODE_ENV: 'development',
    ZEREN_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ZEREN_EMBEDDED_PG_PORT: String(await freePort()),
    ZEREN_LOG_LEVEL: 'warn',
  });
  try {
    const target = resolve(__dirname, '../../../../apps/api/schema.graphql');
    const sdl = await fetchSchemaSdl(server.url);
    writeFileSync(target, sdl);
    console.log(`write-schema: wrote ${sdl.split('\n').length} lines to apps/api/schema.graphql`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
