import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { DomainError, type ApiErrorCode } from '@zeren/domain';
import { CanonicalJsonError, InvalidEventPayloadError } from '@zeren/events';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ForbiddenError, IdempotencyKeyReuseError, RecordNotFoundError } from '../commands/command-errors';
import { InvalidTenantScopeError } from '../database/scoped-transactions';
import { ConcurrencyConflictError, TenantOutOfScopeError } from '../event-store/event-store.errors';
import { InvalidCursorError, PageSizeError } from './connection';
import { AuthenticationError, TooManyAttemptsError } from '../identity/auth-errors';
import { PasswordPolicyError } from '../identity/password-hasher';

const logger = new Logger('errors');

interface Mapped {
  code: ApiErrorCode;
  message: string;
  extensions?: Record<string, unknown>;
}

/** The one place that turns what went wrong into what the client is told. */
export function mapError(error: unknown): Mapped | undefined {
  if (error instanceof DomainError) {
    const code: ApiErrorCode =
      error.code === 'INVALID_STATE' ? 'INVALID_STATE' : error.code === 'VALIDATION_FAILED' ? 'BAD_USER_INPUT' : error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'FORBIDDEN';
    return { code, message: error.userMessage, extensions: { reason: error.message, ...(error.details ?? {}) } };
  }
  if (error instanceof ConcurrencyConflictError) {
    return {
      code: 'CONFLICT',
      message: '记录已被他人修改，请刷新后重试',
      extensions: { expectedVersion: error.expectedVersion, actualVersion: error.actualVersion },
    };
  }
  if (error instanceof IdempotencyKeyReuseError) {
    return { code: 'IDEMPOTENCY_KEY_REUSED', message: '该幂等键已用于另一个不同的请求' };
  }
  if (error instanceof RecordNotFoundError || error instanceof TenantOutOfScopeError) {
    return { code: 'NOT_FOUND', message: '记录不存在' };
  }
  if (error instanceof ForbiddenError) return { code: 'FORBIDDEN', message: '您无权进行此操作' };
  if (error instanceof AuthenticationError) return { code: 'UNAUTHENTICATED', message: error.message };
  if (error instanceof TooManyAttemptsError) {
    return { code: 'TOO_MANY_REQUESTS', message: error.message, extensions: { retryAfterSeconds: error.retryAfterSeconds } };
  }
  if (error instanceof InvalidEventPayloadError) {
    const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join('.') || '$', issue.message]));
    return { code: 'BAD_USER_INPUT', message: '填写的内容有误，请检查后重试', extensions: { fields } };
  }
  if (error instanceof InvalidCursorError || error instanceof PageSizeError || error instanceof InvalidTenantScopeError) {
    return { code: 'BAD_USER_INPUT', message: error.message };
  }
  if (error instanceof PasswordPolicyError) {
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { fields: { newPassword: error.message } } };
  }
  if (error instanceof CanonicalJsonError) {
    return { code: 'BAD_USER_INPUT', message: '内容含有无法保存的字符', extensions: { reason: error.message } };
  }
  const sqlState = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  if (sqlState?.code === '23505') {
    return { code: 'BAD_USER_INPUT', message: '该记录已存在（名称、代码或登录名重复）', extensions: { constraint: sqlState.constraint } };
  }
  // Class 22, data exceptions: text PostgreSQL cannot store (NUL, broken UTF-16) or values of the
  // wrong form (an id that is no uuid, a date filter that is no date) — always the input's fault.
  if (sqlState?.code?.startsWith('22')) {
    return { code: 'BAD_USER_INPUT', message: '输入包含无效的字符或格式' };
  }
  if (sqlState?.code === '23503') {
    return { code: 'BAD_USER_INPUT', message: '引用的记录不存在', extensions: { constraint: sqlState.constraint } };
  }
  return undefined;
}

/**
 * Apollo's formatError: known errors get their code and a message fit for the user; GraphQL's own
 * validation errors keep theirs; anything else is logged in full and reported without detail, so
 * no stack, SQL or internal message reaches a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(raw);
  const mapped = mapError(original);
  if (mapped) {
    return { message: mapped.message, path: formatted.path, locations: formatted.locations, extensions: { code: mapped.code, ...(mapped.extensions ?? {}) } };
  }
  const code = formatted.extensions?.['code'];
  if (original instanceof GraphQLError && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ msg: 'unexpected error', error: original instanceof Error ? original.message : String(original), stack: original instanceof Error ? original.stack : undefined });
  return { message: '服务器内部错误', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
