import type { Request, Response } from 'express';
import type { Caller } from '../identity/authenticator';

/** What every resolver gets: the HTTP exchange and who is calling (null when anonymous). */
export interface GraphQLContext {
  req: Request;
  res: Response;
  caller: Caller | null;
}
