/** Optimistic concurrency: the stream moved on since the caller read it. Never last-write-wins. */
export class ConcurrencyConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}`);
    this.name = 'ConcurrencyConflictError';
  }
}

export class TenantOutOfScopeError extends Error {
  constructor(readonly tenantId: string) {
    super(`Tenant ${tenantId} is outside this transaction's scope`);
    this.name = 'TenantOutOfScopeError';
  }
}

interface PgError {
  code?: string;
  detail?: string;
  driverError?: PgError;
}

/** Turns the append function's SQLSTATEs into typed errors; anything else passes through. */
export function translateAppendError(error: unknown, streamId: string, tenantId: string): unknown {
  const pgError = ((error as PgError).driverError ?? error) as PgError;
  if (pgError.code === 'ZR409') {
    const { expected, actual } = JSON.parse(pgError.detail ?? '{}') as { expected: number; actual: number };
    return new ConcurrencyConflictError(streamId, expected, actual);
  }
  // The unique (tenant, stream, version) key is the last line of defence behind the version check.
  if (pgError.code === '23505') return new ConcurrencyConflictError(streamId, -1, -1);
  if (pgError.code === 'ZR403') return new TenantOutOfScopeError(tenantId);
  return error;
}
