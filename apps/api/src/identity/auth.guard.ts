import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AuthenticationError } from './auth-errors';
import { PUBLIC_OPERATION } from './current-caller.decorator';

/** Global: every GraphQL operation needs a caller unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_OPERATION, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    if (!GqlExecutionContext.create(context).getContext<GraphQLContext>().caller) throw new AuthenticationError();
    return true;
  }
}
