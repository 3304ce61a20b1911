import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  /** Ties the requests of one user action (or one integration's job) together across systems. */
  correlationId?: string;
  /** Which client sent it (web, an integration's name), as the client says. */
  client?: string;
}

/** Carries the request id through async calls so every log line of a request names it. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
