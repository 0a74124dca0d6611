import type { UsageMetric } from '@aa/plans';
import { DirectiveLocation, GraphQLDirective, GraphQLInt, GraphQLNonNull, GraphQLSchema, isEnumType } from 'graphql';
import { createParameterDecorator, Directive, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { requireSignedIn } from '../modules/accounts/index.js';
import type { Entitlements, PendingReservation } from '../modules/entitlements/index.js';
import type { GraphQLContext } from './context.js';

/**
 * Refuses what the plan does not allow (models, lookback) and input the field would refuse, before
 * the quota is touched, so a refused request never takes, and briefly holds, a unit of it (with 10
 * units left, invalid calls beside valid ones once made the valid ones fail). Reads the request's
 * entitlements.
 */
export type PlanGateCheck<TArgs> = (
  args: TArgs,
  entitlements: Entitlements,
  context: GraphQLContext,
) => void | Promise<void>;

export interface PlanLimitOptions<TArgs> {
  cost?: number;
  gate?: PlanGateCheck<TArgs>;
  /**
   * For a resolver whose own write is one statement: it receives the reservation through
   * `@Reservation()` and embeds the call taking the units in that statement, so they commit with the
   * write or are undone with it. A long resolver (a report) leaves this off: the units are reserved and
   * committed first and refunded on failure, so the counter row is never locked across its work.
   */
  inResolverTransaction?: boolean;
}

/** Each metered field resolution's pending reservation, for `@Reservation()` to hand its resolver. */
const pendingOf = new WeakMap<GraphQLResolveInfo, PendingReservation>();

/** The resolver's parameter receiving its `@PlanLimit(…, { inResolverTransaction: true })` reservation. */
export function Reservation() {
  return createParameterDecorator(({ info }) => {
    const pending = pendingOf.get(info);
    if (!pending) throw new Error('@Reservation() needs @PlanLimit(…, { inResolverTransaction: true }) on its field');
    return pending;
  });
}

/**
 * Marks a metered field. One decorator adds both the SDL directive clients read and the middleware
 * that enforces it, so the schema can never advertise a limit the server does not apply.
 * The gate runs first, then the cost is reserved before the resolver runs and returned if the
 * resolver throws; all three read the plan the request looked up once (context.entitlements).
 */
export function PlanLimit<TArgs = Record<string, unknown>>(
  metric: UsageMetric,
  { cost = 1, gate, inResolverTransaction = false }: PlanLimitOptions<TArgs> = {},
): MethodDecorator {
  const sdl = Directive(`@planLimit(metric: ${metric}, cost: ${cost})`);
  const enforce = UseMiddleware(planLimitMiddleware(metric, cost, gate, inResolverTransaction));
  return (target, propertyKey, descriptor) => {
    sdl(target, propertyKey, descriptor);
    enforce(target, propertyKey, descriptor);
  };
}

function planLimitMiddleware<TArgs>(
  metric: UsageMetric,
  cost: number,
  gate: PlanGateCheck<TArgs> | undefined,
  inResolverTransaction: boolean,
): MiddlewareFn<GraphQLContext> {
  return async ({ args, context, info }, next) => {
    if (!context.principal) throw requireSignedIn();
    const { organizationId } = context.principal;
    const entitlements = await context.entitlements.forOrganization(organizationId);
    await gate?.(args as TArgs, entitlements, context);
    const usage = context.services.usage;
    if (inResolverTransaction) {
      const pending = usage.pending(organizationId, entitlements, metric, cost);
      pendingOf.set(info, pending);
      const result: unknown = await next();
      // A resolver that succeeded without taking its units would be served for free.
      if (!pending.taken) throw new Error(`${info.parentType.name}.${info.fieldName} did not take its reservation`);
      return result;
    }
    const reservation = await usage.reserve(organizationId, entitlements, metric, cost);
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
    description:
      "Consumes `cost` units of the caller's plan quota for `metric`; refused with PLAN_LIMIT_EXCEEDED (HTTP 402) when the quota is used up.",
    locations: [DirectiveLocation.FIELD_DEFINITION],
    args: {
      metric: { type: new GraphQLNonNull(usageMetric) },
      cost: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 1 },
    },
  });
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, directives: [...config.directives, planLimit] });
}
