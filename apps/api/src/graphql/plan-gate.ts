import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from './context.js';

/**
 * Runs `check` before the field's @PlanLimit reservation. type-graphql runs a field's middlewares
 * in the reverse order of decoration, so this decorator must be written ABOVE @PlanLimit: a request
 * the plan refuses then never takes (and briefly holds) a unit of the quota.
 */
export function PlanGate<TArgs>(check: (args: TArgs, context: GraphQLContext) => Promise<void>): MethodDecorator {
  const gate: MiddlewareFn<GraphQLContext> = async ({ args, context }, next) => {
    await check(args as TArgs, context);
    return next();
  };
  return UseMiddleware(gate);
}
