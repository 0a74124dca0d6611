import type { PlanTier } from '@aa/plans';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { BillingSubscriptionObject, PlanTierEnum, toBillingSubscriptionObject } from '../entitlements/index.js';
import { InvoicePageObject, PlanChangePreviewObject } from './billing-preview.types.js';
import { CheckoutSessionObject, PortalSessionObject, WebhookEventObject } from './billing.types.js';
import type { SubscriptionRow } from './subscription.store.js';

const MAX_EVENTS = 100;
const MAX_INVOICES = 100;

@Resolver()
export class BillingResolver {
  @Authorized('ADMIN')
  @Mutation(() => CheckoutSessionObject, {
    description: 'Starts Stripe Checkout for a paid plan; subscribers use changePlan',
  })
  async createCheckoutSession(
    @Arg('planTier', () => PlanTierEnum) planTier: PlanTier,
    @Ctx() context: GraphQLContext,
  ): Promise<CheckoutSessionObject> {
    return context.services.billing.service.createCheckoutSession(principalOf(context), planTier);
  }

  @Authorized('ADMIN')
  @Mutation(() => PortalSessionObject, { description: "Opens Stripe's customer portal for the organization" })
  async createPortalSession(@Ctx() context: GraphQLContext): Promise<PortalSessionObject> {
    return context.services.billing.service.createPortalSession(principalOf(context));
  }

  @Authorized('ADMIN')
  @Mutation(() => BillingSubscriptionObject, {
    description:
      'Upgrades once the prorated invoice is paid (pendingChange until then), downgrades at the period end (scheduledChange); FREE cancels at the end of the period',
  })
  async changePlan(
    @Arg('planTier', () => PlanTierEnum) planTier: PlanTier,
    @Ctx() context: GraphQLContext,
  ): Promise<BillingSubscriptionObject> {
    return subscriptionObjectOf(
      context,
      await context.services.billing.service.changePlan(principalOf(context), planTier),
    );
  }

  @Authorized('ADMIN')
  @Query(() => PlanChangePreviewObject, {
    description:
      "What changePlan(planTier) would charge today and from when, from Stripe's invoice preview; changes nothing",
  })
  async planChangePreview(
    @Arg('planTier', () => PlanTierEnum) planTier: PlanTier,
    @Ctx() context: GraphQLContext,
  ): Promise<PlanChangePreviewObject> {
    return context.services.billing.service.planChangePreview(principalOf(context), planTier);
  }

  @Authorized('ADMIN')
  @Query(() => InvoicePageObject, { description: "The organization's invoices from Stripe, newest first" })
  async invoices(
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('after', () => ID, { nullable: true }) after: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<InvoicePageObject> {
    return context.services.billing.service.invoices(
      principalOf(context),
      Math.min(Math.max(first, 1), MAX_INVOICES),
      after ?? null,
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => BillingSubscriptionObject, {
    description: 'Takes back a scheduled downgrade: the subscription renews on its current plan',
  })
  async undoScheduledPlanChange(@Ctx() context: GraphQLContext): Promise<BillingSubscriptionObject> {
    return subscriptionObjectOf(
      context,
      await context.services.billing.service.undoScheduledPlanChange(principalOf(context)),
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => BillingSubscriptionObject, {
    description: 'Takes back a scheduled cancellation (cancel at period end, or cancel_at): the subscription renews',
  })
  async resumeSubscription(@Ctx() context: GraphQLContext): Promise<BillingSubscriptionObject> {
    return subscriptionObjectOf(
      context,
      await context.services.billing.service.resumeSubscription(principalOf(context)),
    );
  }

  @Authorized('ADMIN')
  @Query(() => [WebhookEventObject], {
    description: 'Recent Stripe webhook events about the organization, newest first',
  })
  async webhookEvents(
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() context: GraphQLContext,
  ): Promise<WebhookEventObject[]> {
    return context.services.billing.service.webhookEvents(
      principalOf(context),
      Math.min(Math.max(limit, 1), MAX_EVENTS),
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookEventObject, { description: 'Applies a failed webhook event again' })
  async replayWebhookEvent(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<WebhookEventObject> {
    return context.services.billing.service.replayWebhookEvent(principalOf(context), id);
  }
}

async function subscriptionObjectOf(context: GraphQLContext, row: SubscriptionRow): Promise<BillingSubscriptionObject> {
  return toBillingSubscriptionObject(await context.services.billing.subscriptions.stateOf(row));
}
