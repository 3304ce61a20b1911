import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { ApiErrorCode } from '@zeren/domain';
import type { Response } from 'express';
import { mapError } from './error-mapping';

const HTTP_STATUS: Record<ApiErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * Nest's default handler logs every error a resolver throws at error level with its stack, so each
 * expected refusal (a rule, a conflict, a missing record) looked like a fault in the logs. GraphQL
 * errors go on untouched to formatGraphQLError, which maps the known ones and logs the rest; plain
 * HTTP routes answer known errors with the same codes and messages as GraphQL.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const mapped = exception instanceof HttpException ? undefined : mapError(exception);
    if (!mapped || host.getType() !== 'http') return super.catch(exception, host);
    const response = host.switchToHttp().getResponse<Response>();
    return response.status(HTTP_STATUS[mapped.code]).json({ code: mapped.code, message: mapped.message, ...(mapped.extensions ?? {}) });
  }
}
