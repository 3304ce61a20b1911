/** The same idempotency key came back with a different request: refused, nothing changes. */
export class IdempotencyKeyReuseError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency key ${key} was already used for a different request`);
    this.name = 'IdempotencyKeyReuseError';
  }
}

/** The record does not exist — or the caller may not see it, which must look exactly the same. */
export class RecordNotFoundError extends Error {
  constructor(readonly recordType: string, readonly id: string) {
    super(`${recordType} ${id} not found`);
    this.name = 'RecordNotFoundError';
  }
}

/** Signed in, but this action is not theirs to take. */
export class ForbiddenError extends Error {
  constructor(message = 'Not allowed') {
    super(message);
    this.name = 'ForbiddenError';
  }
}
