import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AuthenticationError } from './auth-errors';
import type { Caller } from './authenticator';

export const PUBLIC_OPERATION = 'zeren:public';

/** Marks the few operations anyone may call (sign-in, system status); everything else needs a caller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_OPERATION, true);

/** The authenticated caller of a GraphQL operation; the auth guard has already refused anonymous calls. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = GqlExecutionContext.create(context).getContext<GraphQLContext>().caller;
  if (!caller) throw new AuthenticationError();
  return caller;
});
