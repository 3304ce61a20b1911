import { loadConfig } from './config/app-config';
import { JsonLogger } from './logging/json-logger';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const server = await startServer(config, logger);
  // Printed whatever the log level: scripts and people wait for this line.
  if (server.createdAdmin) {
    process.stdout.write(`First start: sign in as '${server.createdAdmin.username}' with password '${server.createdAdmin.password}' (change it after signing in)\n`);
  }
  process.stdout.write(`Zeren API listening on ${server.url} (GraphQL at ${server.url}/graphql)\n`);
  const shutdown = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Zeren failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
