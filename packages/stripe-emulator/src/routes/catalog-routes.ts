import type Stripe from 'stripe';
import { mergeMetadata } from '../billing/context.js';
import { invalidParameter } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { arr, bool, hash, int, obj, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute } from '../http/route.js';
import { ID_PREFIX, newId } from '../ids.js';
import { buildPrice, buildProduct } from '../objects/catalog-objects.js';

const productFields = {
  name: str(),
  description: str(),
  active: bool(),
  metadata: hash(),
  images: arr(str()),
  statement_descriptor: str(),
  unit_label: str(),
  url: str(),
  tax_code: str(),
} as const;

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

export const catalogRoutes: ApiRoute[] = [
  route(
    'POST',
    '/v1/products',
    {
      ...productFields,
      name: str({ required: true }),
      id: str(),
      default_price_data: obj({
        currency: str({ required: true }),
        unit_amount: int(),
        recurring: obj({ interval: str({ required: true, enum: INTERVALS }), interval_count: int() }),
      }),
    },
    (params, { billing }) => {
      const product = buildProduct({
        id: params.id ?? newId(ID_PREFIX.product, 14),
        created: billing.clock.now(),
        name: params.name,
        description: params.description ?? null,
        metadata: mergeMetadata({}, params.metadata),
        active: params.active ?? true,
      });
      if (billing.store.products.find(product.id))
        throw invalidParameter('id', `Product already exists.`, 'resource_already_exists');
      billing.store.products.insert(product);
      const defaultPrice = params.default_price_data;
      if (defaultPrice) {
        const price = billing.store.prices.insert(
          buildPrice({
            id: newId(ID_PREFIX.price),
            created: product.created,
            product: product.id,
            currency: defaultPrice.currency,
            unitAmount: defaultPrice.unit_amount ?? 0,
            recurring: defaultPrice.recurring
              ? {
                  interval: defaultPrice.recurring.interval,
                  interval_count: defaultPrice.recurring.interval_count ?? 1,
                }
              : null,
            lookupKey: null,
            nickname: null,
            metadata: {},
            active: true,
          }),
        );
        product.default_price = price.id;
        billing.bus.emit('price.created', price);
      }
      billing.bus.emit('product.created', product);
      return product;
    },
  ),
  route('GET', '/v1/products/:id', {}, (_params, ctx) => ctx.billing.store.products.get(pathParam(ctx, 'id'))),
  route('POST', '/v1/products/:id', { ...productFields, default_price: str() }, (params, ctx) => {
    const product = ctx.billing.store.products.get(pathParam(ctx, 'id'));
    const before = structuredClone(product);
    if (params.name) product.name = params.name;
    if (params.description !== undefined) product.description = params.description;
    if (params.active !== undefined && params.active !== null) product.active = params.active;
    if (params.metadata !== undefined) product.metadata = mergeMetadata(product.metadata, params.metadata);
    if (params.default_price !== undefined)
      product.default_price = params.default_price
        ? ctx.billing.store.prices.get(params.default_price, 'default_price').id
        : null;
    product.updated = ctx.billing.clock.now();
    ctx.billing.bus.emit('product.updated', product, before);
    return product;
  }),
  route('GET', '/v1/products', { ...listParams, active: bool(), ids: arr(str()) }, (params, { billing }) =>
    paginate(
      billing.store.products.newestFirst(
        (product) =>
          (params.active == null || product.active === params.active) &&
          (!params.ids || params.ids.includes(product.id)),
      ),
      params,
      '/v1/products',
    ),
  ),

  route(
    'POST',
    '/v1/prices',
    {
      product: str({ required: true }),
      currency: str({ required: true }),
      unit_amount: int(),
      unit_amount_decimal: str(),
      recurring: obj({
        interval: str({ required: true, enum: INTERVALS }),
        interval_count: int(),
        usage_type: str({ enum: ['licensed'] }),
      }),
      lookup_key: str(),
      transfer_lookup_key: bool(),
      nickname: str(),
      metadata: hash(),
      active: bool(),
      tax_behavior: str({ enum: ['exclusive', 'inclusive', 'unspecified'] }),
      billing_scheme: str({ enum: ['per_unit'] }),
    },
    (params, { billing }) => {
      billing.store.products.get(params.product, 'product');
      const unitAmount =
        params.unit_amount ?? (params.unit_amount_decimal ? Math.round(Number(params.unit_amount_decimal)) : null);
      if (unitAmount === null)
        throw invalidParameter('unit_amount', 'Missing required param: unit_amount.', 'parameter_missing');
      if (params.lookup_key) {
        // Lookup keys are unique within a mode: a test price and a live price may share one.
        const holder = billing.store.prices.newestFirst((price) => price.lookup_key === params.lookup_key)[0];
        if (holder && !params.transfer_lookup_key) {
          throw invalidParameter('lookup_key', `A price (\`${holder.id}\`) already uses that lookup key.`);
        }
        if (holder) holder.lookup_key = null;
      }
      const price = buildPrice({
        id: newId(ID_PREFIX.price),
        created: billing.clock.now(),
        product: params.product,
        currency: params.currency.toLowerCase(),
        unitAmount,
        recurring: params.recurring
          ? {
              interval: params.recurring.interval as Stripe.Price.Recurring.Interval,
              interval_count: params.recurring.interval_count ?? 1,
            }
          : null,
        lookupKey: params.lookup_key ?? null,
        nickname: params.nickname ?? null,
        metadata: mergeMetadata({}, params.metadata),
        active: params.active ?? true,
      });
      billing.store.prices.insert(price);
      billing.bus.emit('price.created', price);
      return price;
    },
  ),
  route('GET', '/v1/prices/:id', {}, (_params, ctx) => ctx.billing.store.prices.get(pathParam(ctx, 'id'))),
  route(
    'POST',
    '/v1/prices/:id',
    { active: bool(), metadata: hash(), nickname: str(), lookup_key: str() },
    (params, ctx) => {
      const price = ctx.billing.store.prices.get(pathParam(ctx, 'id'));
      const before = structuredClone(price);
      if (params.active !== undefined && params.active !== null) price.active = params.active;
      if (params.metadata !== undefined) price.metadata = mergeMetadata(price.metadata, params.metadata);
      if (params.nickname !== undefined) price.nickname = params.nickname;
      if (params.lookup_key !== undefined) price.lookup_key = params.lookup_key;
      ctx.billing.bus.emit('price.updated', price, before);
      return price;
    },
  ),
  route(
    'GET',
    '/v1/prices',
    {
      ...listParams,
      active: bool(),
      product: str(),
      lookup_keys: arr(str()),
      type: str({ enum: ['one_time', 'recurring'] }),
      currency: str(),
    },
    (params, { billing }) =>
      paginate(
        billing.store.prices.newestFirst(
          (price) =>
            (params.active == null || price.active === params.active) &&
            (!params.product || price.product === params.product) &&
            (!params.lookup_keys || (price.lookup_key !== null && params.lookup_keys.includes(price.lookup_key))) &&
            (!params.type || price.type === params.type) &&
            (!params.currency || price.currency === params.currency),
        ),
        params,
        '/v1/prices',
      ),
  ),
];
