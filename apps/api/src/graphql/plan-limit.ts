import type { UsageMetric } from '@aa/plans';
import {
  DirectiveLocation,
  GraphQLDirective,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLSchema,
  isEnumType,
} from 'graphql';
import { Directive, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { requireSignedIn } from '../modules/accounts/accounts.errors.js';
import type { GraphQLContext } from './context.js';

/**
 * Marks a metered field. One decorator adds both the SDL directive clients read and the middleware
 * that enforces it, so the schema can never advertise a limit the server does not apply.
 * The cost is reserved before the resolver runs and returned if the resolver throws.
 */
export function PlanLimit(metric: UsageMetric, cost = 1): MethodDecorator {
  const sdl = Directive(`@planLimit(metric: ${metric}, cost: ${cost})`);
  const enforce = UseMiddleware(planLimitMiddleware(metric, cost));
  return (target, propertyKey, descriptor) => {
    sdl(target, propertyKey, descriptor);
    enforce(target, propertyKey, descriptor);
  };
}

function planLimitMiddleware(metric: UsageMetric, cost: number): MiddlewareFn<GraphQLContext> {
  return async ({ context }, next) => {
    if (!context.principal) throw requireSignedIn();
    const usage = context.services.usage;
    const reservation = await usage.reserve(context.principal.organizationId, metric, cost);
    try {
      return await next();
    } catch (error) {
      await usage.release(reservation);
      throw error;
    }
  };
}

/** Adds `directive @planLimit(metric: UsageMetric!, cost: Int! = 1)` to a built schema. */
export function withPlanLimitDirective(schema: GraphQLSchema): GraphQLSchema {
  const usageMetric = schema.getType('UsageMetric');
  if (!isEnumType(usageMetric)) throw new Error('The schema has no UsageMetric enum for @planLimit');
  const planLimit = new GraphQLDirective({
    name: 'planLimit',
    description: 'Consumes `cost` units of the caller\'s plan quota for `metric`; refused with PLAN_LIMIT_EXCEEDED (HTTP 402) when the quota is used up.',
    locations: [DirectiveLocation.FIELD_DEFINITION],
    args: {
      metric: { type: new GraphQLNonNull(usageMetric) },
      cost: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 1 },
    },
  });
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, directives: [...config.directives, planLimit] });
}
