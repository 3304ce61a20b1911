import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;
const logger = new Logger('http');

/** Gives every request an id (a caller's own, if well-formed), echoes it, and logs the outcome. */
export function requestLogging(request: Request, response: Response, next: NextFunction): void {
  const offered = request.header('x-request-id');
  const requestId = offered && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  const correlation = request.header('x-correlation-id');
  const client = request.header('x-zeren-client');
  response.setHeader('x-request-id', requestId);
  const started = process.hrtime.bigint();
  const context = {
    requestId,
    ...(correlation && SAFE_REQUEST_ID.test(correlation) ? { correlationId: correlation } : {}),
    ...(client && SAFE_REQUEST_ID.test(client) ? { client } : {}),
  };
  requestContext.run(context, () => {
    response.on('finish', () => {
      logger.log({
        msg: 'request',
        method: request.method,
        path: request.originalUrl.split('?')[0],
        status: response.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  });
}
