import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance, so several apps in one process (tests) keep separate counts. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly graphqlErrors: Counter<'code'>;
  readonly planLimitDenials: Counter<'metric' | 'plan'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'aa_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'aa_graphql_errors_total',
      help: 'GraphQL errors returned to clients, by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
    planLimitDenials: new Counter({
      name: 'aa_plan_limit_denials_total',
      help: 'Metered calls refused because the plan limit was reached',
      labelNames: ['metric', 'plan'],
      registers: [registry],
    }),
  };
}
