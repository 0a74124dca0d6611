import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Metrics } from '../../observability/metrics.js';
import type { GraphQLContext } from '../context.js';
import { isExpectedError } from '../error-mapping.js';

/** Logs unexpected errors with the request id (clients only see "Internal server error") and counts every error by code. */
export function errorReportingPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isExpectedError(error)) {
              contextValue.log.error(
                { err: unwrapResolverError(error), requestId: contextValue.requestId, path: error.path },
                'unexpected GraphQL error',
              );
            }
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = String(error.extensions?.code ?? 'UNKNOWN');
            metrics.graphqlErrors.inc({ code });
            if (code === 'PLAN_LIMIT_EXCEEDED') {
              metrics.planLimitDenials.inc({
                metric: String(error.extensions?.metric),
                plan: String(error.extensions?.plan),
              });
            }
          }
        },
      };
    },
  };
}
