import type { IncomingMessage } from 'node:http';
import type { SubscriptionConfig } from '@nestjs/graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type Source, type ValidationRule } from 'graphql';
import { decodeJwt } from 'jose';
import type { AppConfig } from '../config/app-config';
import { formatGraphQLError } from '../graphql/error-mapping';
import { MAX_TOKENS, queryLimitRules } from '../graphql/query-limits';
import { AuthenticationError } from '../identity/auth-errors';
import type { Authenticator, Caller } from '../identity/authenticator';

/** What a WebSocket connection carries between graphql-ws callbacks: the caller authenticated at connect. */
export interface LiveConnectionExtra extends Extra {
  caller?: Caller;
}

type ConnectionParams = Record<string, unknown> | undefined;
export type LiveConnectionContext = Context<ConnectionParams, LiveConnectionExtra>;

/** The GraphQL context of an operation over a WebSocket: the upgrade request and the connection's caller. */
export interface LiveGraphQLContext {
  req: IncomingMessage;
  caller: Caller | null;
}

/** Closed when the access token a connection was opened with expires; clients reconnect with a fresh one. */
const TOKEN_EXPIRED_CLOSE_CODE = 4001;

export function isWebSocketContext(context: unknown): context is LiveConnectionContext {
  return typeof context === 'object' && context !== null && 'connectionInitReceived' in context && 'extra' in context;
}

export function liveGraphQLContext(context: LiveConnectionContext): LiveGraphQLContext {
  return { req: context.extra.request, caller: context.extra.caller ?? null };
}

/**
 * Queries and mutations go over HTTP, where request logging, CSRF prevention and Apollo's plugins
 * apply. That also keeps introspection off the socket: __schema exists only on the query root.
 */
const subscriptionsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') {
      context.reportError(new GraphQLError('WebSocket 连接只用于订阅，查询和变更请使用 HTTP', { nodes: node, extensions: { code: 'BAD_USER_INPUT' } }));
    }
  },
});

/** Access tokens expire; an API token (zr_…) is not a JWT and stays until the connection closes. */
function accessTokenExpiry(credential: string): Date | null {
  try {
    const { exp } = decodeJwt(credential);
    return typeof exp === 'number' ? new Date(exp * 1000) : null;
  } catch {
    return null;
  }
}

function closeWhenExpired(extra: LiveConnectionExtra, authorization: string): void {
  const expiresAt = accessTokenExpiry(authorization.replace(/^Bearer\s+/i, ''));
  if (!expiresAt) return;
  const timer = setTimeout(() => extra.socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'access token expired'), Math.max(0, expiresAt.getTime() - Date.now()));
  timer.unref();
  extra.socket.once('close', () => clearTimeout(timer));
}

/**
 * graphql-ws on the GraphQL path. The Bearer token travels in connectionParams
 * ({ authorization: 'Bearer …' }) and is checked once, by the same Authenticator as HTTP; a
 * connection without a valid one is refused (4403). Documents get the HTTP limits (tokens, depth,
 * aliases, cost) and errors the same codes and messages.
 */
export function subscriptionOptions(config: AppConfig, authenticator: Authenticator): SubscriptionConfig {
  const rules = [...specifiedRules, ...queryLimitRules(), subscriptionsOnly];
  const format = (error: GraphQLError): GraphQLFormattedError => {
    const formatted = formatGraphQLError({ ...error.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions } }, error);
    // As over HTTP in production: no field suggestions that would reveal the schema.
    return config.isProduction ? { ...formatted, message: formatted.message.replace(/ Did you mean .*$/, '') } : formatted;
  };
  const parseDocument = (source: string | Source): DocumentNode => parse(source, { maxTokens: MAX_TOKENS });
  const graphqlWs: ServerOptions<ConnectionParams, LiveConnectionExtra> = {
    // graphql-ws closes the socket when parsing throws; a document that does not parse (or is too
    // long) is answered as an error of that operation instead, as HTTP answers it.
    onSubscribe: (_context, _id, payload) => {
      try {
        parseDocument(payload.query);
        return undefined;
      } catch (error) {
        if (error instanceof GraphQLError) return [new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        throw error;
      }
    },
    parse: parseDocument,
    validate: (schema, document) => validate(schema, document, rules),
    onConnect: async (context) => {
      const authorization = context.connectionParams?.['authorization'];
      if (typeof authorization !== 'string') return false;
      try {
        const caller = await authenticator.authenticate(authorization);
        if (!caller) return false;
        context.extra.caller = caller;
        closeWhenExpired(context.extra, authorization);
        return true;
      } catch (error) {
        if (error instanceof AuthenticationError) return false;
        throw error;
      }
    },
    onError: (_context, _id, _payload, errors) => errors.map(format),
    onNext: (_context, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) } : result),
  };
  // Nest's type lists only some graphql-ws options, but passes every option through to graphql-ws.
  return { 'graphql-ws': graphqlWs as NonNullable<SubscriptionConfig['graphql-ws']> };
}
