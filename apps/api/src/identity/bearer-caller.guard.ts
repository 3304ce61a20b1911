import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuthenticationError } from './auth-errors';
import { Authenticator, type Caller } from './authenticator';

const callers = new WeakMap<Request, Caller>();

/**
 * Plain HTTP routes (downloads, exports) take the same Bearer credentials as GraphQL: an access
 * token or an API token. Checked before the handler runs; a refusal answers 401 UNAUTHENTICATED.
 */
@Injectable()
export class BearerCallerGuard implements CanActivate {
  constructor(@Inject(Authenticator) private readonly authenticator: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const caller = await this.authenticator.authenticate(request.header('authorization'));
    if (!caller) throw new AuthenticationError();
    callers.set(request, caller);
    return true;
  }
}

/** The caller BearerCallerGuard authenticated for this request. */
export function callerOf(request: Request): Caller {
  const caller = callers.get(request);
  if (!caller) throw new AuthenticationError();
  return caller;
}
