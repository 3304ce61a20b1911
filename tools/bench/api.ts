/* eslint-disable @nx/enforce-module-boundaries -- the benchmarks measure the real API in this
   process (its pipeline, store, projections, verifier and server), so they reach into apps/api;
   every such import goes through this one file. */
export { CommandPipeline } from '../../apps/api/src/commands/command-pipeline';
export { ProjectionRegistry, type InlineProjection } from '../../apps/api/src/commands/projection-registry';
export { verifyTenantChain } from '../../apps/api/src/audit/chain-verification';
export { loadConfig } from '../../apps/api/src/config/app-config';
export { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../apps/api/src/database/embedded-postgres';
export { clientSql } from '../../apps/api/src/database/client-sql';
export { ScopedTransactions } from '../../apps/api/src/database/scoped-transactions';
export { statementsOf } from '../../apps/api/src/database/statement-batch';
export type { Sql } from '../../apps/api/src/database/sql';
export { EventStore } from '../../apps/api/src/event-store/event-store';
export { JsonLogger } from '../../apps/api/src/logging/json-logger';
export { projectTenantChain, rebuiltProjections, replayProjections } from '../../apps/api/src/maintenance/projection-replay';
export { startServer, type RunningServer } from '../../apps/api/src/server';
