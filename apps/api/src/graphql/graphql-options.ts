import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '../config/app-config';
import { StrictDateTime } from './date-time-scalar';
import { formatGraphQLError } from './error-mapping';
import { MAX_TOKENS, queryLimitRules } from './query-limits';

/**
 * The schema is built from code in memory at start-up; tools/schema writes the committed
 * schema.graphql from the same code, and a test fails when the two differ.
 */
export function graphqlOptions(config: AppConfig): Omit<ApolloDriverConfig, 'driver' | 'context'> {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: StrictDateTime }] },
    introspection: !config.isProduction,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    playground: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !config.isProduction,
    // Every answer is one signed-in caller's, never shared by an HTTP cache: cache-control hints would
    // only cost a hook on every field resolved (a ledger page has hundreds).
    plugins: [ApolloServerPluginCacheControlDisabled(), ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : [])],
    formatError: formatGraphQLError,
    validationRules: queryLimitRules(),
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
  };
}
