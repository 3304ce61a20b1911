export type DomainErrorCode = 'INVALID_STATE' | 'VALIDATION_FAILED' | 'NOT_ALLOWED' | 'NOT_FOUND';

const DEFAULT_USER_MESSAGES: Record<DomainErrorCode, string> = {
  INVALID_STATE: '当前状态下不能进行此操作',
  VALIDATION_FAILED: '填写的内容有误，请检查后重试',
  NOT_ALLOWED: '您无权进行此操作',
  NOT_FOUND: '记录不存在',
};

/** A business rule refused a command; the API maps `code` to a GraphQL error code in one place. */
export class DomainError extends Error {
  /** Chinese message fit to show the user as is. */
  readonly userMessage: string;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    userMessage?: string,
  ) {
    super(message);
    this.name = 'DomainError';
    this.userMessage = userMessage ?? DEFAULT_USER_MESSAGES[code];
  }
}

/** Field-level refusal; `fields` maps a command field path (dot-separated) to its message. */
export function validationFailed(fields: Record<string, string>, userMessage?: string): DomainError {
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  return new DomainError('VALIDATION_FAILED', `Validation failed: ${summary}`, { fields }, userMessage);
}

/** Throws one VALIDATION_FAILED naming every failed check, or nothing when all pass. */
export function assertValid(checks: ReadonlyArray<readonly [field: string, ok: boolean, message: string]>): void {
  const fields: Record<string, string> = {};
  for (const [field, ok, message] of checks) {
    if (!ok && !(field in fields)) fields[field] = message;
  }
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
}
