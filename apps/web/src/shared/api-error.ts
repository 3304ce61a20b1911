import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { API_ERROR_CODES, type ApiErrorCode as DomainApiErrorCode } from '@zeren/domain';

/** The API's codes, and NETWORK when no answer came. */
export type ApiErrorCode = DomainApiErrorCode | 'NETWORK';

export interface ApiErrorInfo {
  code: ApiErrorCode;
  /** The server's message (Chinese, fit for the user), or null when there was no answer. */
  message: string | null;
  /** Field path → message, for BAD_USER_INPUT. */
  fields: Record<string, string>;
}

const KNOWN_CODES = new Set<string>(API_ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'));

function fieldsOf(extensions: Record<string, unknown> | undefined): Record<string, string> {
  const fields = extensions?.['fields'];
  if (!fields || typeof fields !== 'object') return {};
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** What the API refused, with its stable code and its own message, from any error Apollo or fetch raises. */
export function describeApiError(error: unknown): ApiErrorInfo {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    const first = error.errors[0]!;
    const code = String(first.extensions?.['code'] ?? '');
    return { code: KNOWN_CODES.has(code) ? (code as ApiErrorCode) : 'INTERNAL_SERVER_ERROR', message: first.message, fields: fieldsOf(first.extensions) };
  }
  if (error instanceof RestError) return { code: error.code, message: error.message, fields: {} };
  if (ServerError.is(error)) {
    return { code: error.statusCode === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR', message: null, fields: {} };
  }
  return { code: 'NETWORK', message: null, fields: {} };
}

export function isConflict(error: unknown): boolean {
  return describeApiError(error).code === 'CONFLICT';
}

/** A refusal from one of the REST endpoints (evidence upload, Excel export), shaped like a GraphQL one. */
export class RestError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RestError';
  }

  static async fromResponse(response: Response): Promise<RestError> {
    const statusCodes: Record<number, ApiErrorCode> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'BAD_USER_INPUT', 429: 'TOO_MANY_REQUESTS', 503: 'SERVICE_UNAVAILABLE' };
    let message = `HTTP ${response.status}`;
    let code = statusCodes[response.status] ?? 'INTERNAL_SERVER_ERROR';
    try {
      const body = (await response.json()) as { message?: unknown; code?: unknown; error?: unknown };
      if (typeof body.message === 'string') message = body.message;
      else if (Array.isArray(body.message) && typeof body.message[0] === 'string') message = body.message[0];
      if (typeof body.code === 'string' && KNOWN_CODES.has(body.code)) code = body.code as ApiErrorCode;
    } catch {
      // not JSON: keep the status line
    }
    return new RestError(code, message);
  }
}
