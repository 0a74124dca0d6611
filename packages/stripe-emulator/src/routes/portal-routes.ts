import { createPortalSession } from '../billing/portal.js';
import { createPortalConfiguration, updatePortalConfiguration } from '../billing/portal-configurations.js';
import { paginate } from '../http/pagination.js';
import { any, arr, bool, hash, int, obj, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute } from '../http/route.js';
import { CANCELLATION_FEEDBACK, PRORATION_BEHAVIORS } from './stripe-enums.js';
import { portalConfigurationView, type PortalConfigurationObject } from '../objects/portal-objects.js';

const featureFields = {
  customer_update: obj({
    enabled: bool(),
    allowed_updates: arr(str({ enum: ['address', 'email', 'name', 'phone', 'shipping', 'tax_id'] })),
  }),
  invoice_history: obj({ enabled: bool({ required: true }) }),
  payment_method_update: obj({ enabled: bool({ required: true }), payment_method_configuration: str() }),
  subscription_cancel: obj({
    enabled: bool(),
    mode: str({ enum: ['at_period_end', 'immediately'] }),
    proration_behavior: str({ enum: PRORATION_BEHAVIORS }),
    cancellation_reason: obj({
      enabled: bool({ required: true }),
      options: arr(str({ enum: CANCELLATION_FEEDBACK })),
      feedback_options: arr(str()),
    }),
  }),
  subscription_pause: obj({ enabled: bool(), duration: any() }),
  subscription_update: obj({
    enabled: bool(),
    default_allowed_updates: arr(str({ enum: ['price', 'promotion_code', 'quantity'] })),
    products: arr(
      obj({
        product: str({ required: true }),
        prices: arr(str(), { required: true }),
        adjustable_quantity: obj({ enabled: bool({ required: true }), maximum: int(), minimum: int() }),
      }),
    ),
    proration_behavior: str({ enum: PRORATION_BEHAVIORS }),
    schedule_at_period_end: obj({
      conditions: arr(obj({ type: str({ required: true, enum: ['decreasing_item_amount', 'shortening_interval'] }) })),
    }),
    billing_cycle_anchor: str({ enum: ['now', 'unchanged'] }),
    trial_update_behavior: str({ enum: ['continue_trial', 'end_trial'] }),
  }),
} as const;

const configurationFields = {
  business_profile: obj({ headline: str(), privacy_policy_url: str(), terms_of_service_url: str() }),
  default_return_url: str(),
  metadata: hash(),
  name: str(),
} as const;

const PRODUCTS_PATH = 'features.subscription_update.products';

/** `features.subscription_update.products` is sent only to a caller who asks for it. */
function view(
  configuration: PortalConfigurationObject,
  expand: string[] | null | undefined,
  prefix = '',
): PortalConfigurationObject {
  return portalConfigurationView(configuration, (expand ?? []).includes(`${prefix}${PRODUCTS_PATH}`));
}

export const portalRoutes: ApiRoute[] = [
  route(
    'POST',
    '/v1/billing_portal/configurations',
    { ...configurationFields, features: obj(featureFields, { required: true }) },
    (params, { billing }) => view(createPortalConfiguration(billing, params), params.expand),
  ),
  route('GET', '/v1/billing_portal/configurations/:id', {}, (params, ctx) =>
    view(ctx.billing.store.portalConfigurations.get(pathParam(ctx, 'id'), 'configuration'), params.expand),
  ),
  route(
    'POST',
    '/v1/billing_portal/configurations/:id',
    { ...configurationFields, features: obj(featureFields), active: bool() },
    (params, ctx) => {
      const configuration = ctx.billing.store.portalConfigurations.get(pathParam(ctx, 'id'), 'configuration');
      return view(updatePortalConfiguration(ctx.billing, configuration, params), params.expand);
    },
  ),
  route(
    'GET',
    '/v1/billing_portal/configurations',
    { ...listParams, active: bool(), is_default: bool() },
    (params, { billing }) => {
      const page = paginate(
        billing.store.portalConfigurations.newestFirst(
          (configuration) =>
            (params.active == null || configuration.active === params.active) &&
            (params.is_default == null || configuration.is_default === params.is_default),
        ),
        params,
        '/v1/billing_portal/configurations',
      );
      return { ...page, data: page.data.map((configuration) => view(configuration, params.expand, 'data.')) };
    },
  ),

  route(
    'POST',
    '/v1/billing_portal/sessions',
    {
      customer: str({ required: true }),
      return_url: str(),
      configuration: str(),
      locale: str(),
      flow_data: obj({
        type: str({
          required: true,
          enum: [
            'customer_update',
            'payment_method_update',
            'subscription_cancel',
            'subscription_pause',
            'subscription_update',
            'subscription_update_confirm',
          ],
        }),
        after_completion: obj({
          type: str({ required: true, enum: ['hosted_confirmation', 'portal_homepage', 'redirect'] }),
          redirect: obj({ return_url: str({ required: true }) }),
          hosted_confirmation: obj({ custom_message: str() }),
        }),
        subscription_cancel: obj({ subscription: str({ required: true }), retention: any() }),
        subscription_pause: obj({ subscription: str({ required: true }) }),
        subscription_update: obj({ subscription: str({ required: true }) }),
        subscription_update_confirm: any(),
      }),
      on_behalf_of: str(),
    },
    (params, { billing }) => createPortalSession(billing, params),
  ),
];
