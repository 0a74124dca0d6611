import { invalidParameter, missingParameter, StripeApiError } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import { buildPortalSession, type PortalSessionObject } from '../objects/platform-objects.js';
import type { PortalConfigurationObject } from '../objects/portal-objects.js';
import { idOf, type BillingContext } from './context.js';
import { defaultPortalConfiguration } from './portal-configurations.js';

/** Stripe's answer when the account has no saved portal settings and no `configuration` is sent. */
export const NO_DEFAULT_CONFIGURATION_MESSAGE =
  'You can’t create a portal session in test mode until you save your customer portal settings in test mode at https://dashboard.stripe.com/test/settings/billing/portal.';

type Flow = NonNullable<PortalSessionObject['flow']>;

export interface FlowDataInput {
  type: string;
  after_completion?: {
    type: string;
    redirect?: { return_url: string } | null;
    hosted_confirmation?: { custom_message?: string | null } | null;
  } | null;
  subscription_cancel?: { subscription: string; retention?: unknown } | null;
  subscription_update?: { subscription: string } | null;
}

export interface PortalSessionInput {
  customer: string;
  return_url?: string | null;
  configuration?: string | null;
  locale?: string | null;
  flow_data?: FlowDataInput | null;
}

export function createPortalSession(ctx: BillingContext, input: PortalSessionInput): PortalSessionObject {
  const customer = ctx.store.customers.get(input.customer, 'customer');
  const configuration = sessionConfiguration(ctx, input.configuration ?? null);
  const flow = input.flow_data ? portalFlow(ctx, configuration, customer.id, input.flow_data) : null;
  const id = newId(ID_PREFIX.portalSession);
  const session = buildPortalSession({
    id,
    created: ctx.clock.forCustomer(customer.id),
    customer: customer.id,
    returnUrl: input.return_url ?? configuration.default_return_url,
    url: `${ctx.publicUrl}/portal/${id}`,
    configuration: configuration.id,
    locale: input.locale ?? null,
    flow,
  });
  // The link is short-lived in real time, whatever a test clock says.
  ctx.store.portalSessionAccess.set(id, {
    expiresAt: ctx.clock.now() + ctx.store.portalSessionLifetimeSeconds,
    visitorToken: null,
  });
  return ctx.store.portalSessions.insert(session);
}

function sessionConfiguration(ctx: BillingContext, configurationId: string | null): PortalConfigurationObject {
  if (configurationId === null) {
    const saved = defaultPortalConfiguration(ctx);
    if (!saved) throw new StripeApiError(400, 'invalid_request_error', NO_DEFAULT_CONFIGURATION_MESSAGE);
    return saved;
  }
  const configuration = ctx.store.portalConfigurations.get(configurationId, 'configuration');
  if (!configuration.active) {
    throw invalidParameter(
      'configuration',
      `The configuration \`${configuration.id}\` is inactive and cannot be used to create portal sessions.`,
    );
  }
  return configuration;
}

/** Deep links (`flow_data`): each needs its feature enabled and, for a subscription, one of this customer's. */
function portalFlow(
  ctx: BillingContext,
  configuration: PortalConfigurationObject,
  customerId: string,
  input: FlowDataInput,
): Flow {
  const { features } = configuration;
  const flow: Flow = {
    after_completion: afterCompletion(input.after_completion ?? null),
    customer_update: null,
    subscription_cancel: null,
    subscription_pause: null,
    subscription_update: null,
    subscription_update_confirm: null,
    type: input.type,
  };
  switch (input.type) {
    case 'payment_method_update':
      requireFeature(features.payment_method_update.enabled, 'payment_method_update');
      return flow;
    case 'subscription_cancel': {
      requireFeature(features.subscription_cancel.enabled, 'subscription_cancel');
      const subscription = flowSubscription(
        ctx,
        customerId,
        input.subscription_cancel?.subscription,
        'subscription_cancel',
      );
      return { ...flow, subscription_cancel: { retention: null, subscription } };
    }
    case 'subscription_update': {
      requireFeature(features.subscription_update.enabled, 'subscription_update');
      const subscription = flowSubscription(
        ctx,
        customerId,
        input.subscription_update?.subscription,
        'subscription_update',
      );
      return { ...flow, subscription_update: { subscription } };
    }
    default:
      throw invalidParameter(
        'flow_data[type]',
        `The emulator does not support portal flows of type \`${input.type}\`; it supports payment_method_update, subscription_cancel and subscription_update.`,
      );
  }
}

function afterCompletion(input: FlowDataInput['after_completion']): Flow['after_completion'] {
  const type = input?.type ?? 'portal_homepage';
  if (type === 'redirect' && !input?.redirect?.return_url)
    throw missingParameter('flow_data[after_completion][redirect][return_url]');
  return {
    hosted_confirmation:
      type === 'hosted_confirmation' ? { custom_message: input?.hosted_confirmation?.custom_message ?? null } : null,
    redirect: type === 'redirect' ? { return_url: input?.redirect?.return_url ?? '' } : null,
    type,
  };
}

function requireFeature(enabled: boolean, feature: string): void {
  if (!enabled) {
    throw invalidParameter(
      'flow_data[type]',
      `The \`${feature}\` flow requires the \`features[${feature}]\` feature to be enabled in the configuration.`,
    );
  }
}

function flowSubscription(
  ctx: BillingContext,
  customerId: string,
  subscriptionId: string | undefined,
  flow: string,
): string {
  const param = `flow_data[${flow}][subscription]`;
  if (!subscriptionId) throw missingParameter(param);
  const subscription = ctx.store.subscriptions.get(subscriptionId, param);
  if (idOf(subscription.customer) !== customerId)
    throw invalidParameter(
      param,
      `The subscription \`${subscription.id}\` does not belong to the customer \`${customerId}\`.`,
    );
  if (subscription.status === 'canceled')
    throw invalidParameter(
      param,
      `The subscription \`${subscription.id}\` is canceled and cannot be managed in the portal.`,
    );
  return subscription.id;
}

export type PortalAccess = { open: true; visitorToken: string } | { open: false };

/**
 * Whether a browser may use a session: the one that opened the link in time keeps its portal
 * (its cookie token), any other visit needs the link to be unexpired. A deleted customer has none.
 */
export function portalAccess(
  ctx: BillingContext,
  session: PortalSessionObject,
  visitorToken: string | null,
): PortalAccess {
  const access = ctx.store.portalSessionAccess.get(session.id);
  if (!access || ctx.store.deletedCustomers.has(session.customer)) return { open: false };
  if (access.visitorToken !== null && visitorToken === access.visitorToken) return { open: true, visitorToken };
  if (ctx.clock.now() >= access.expiresAt) return { open: false };
  access.visitorToken ??= newId('', 32);
  return { open: true, visitorToken: access.visitorToken };
}
