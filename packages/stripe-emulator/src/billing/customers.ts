import { randomBytes } from 'node:crypto';
import { ID_PREFIX, newId } from '../ids.js';
import { buildCustomer, type CustomerObject } from '../objects/customer-objects.js';
import { changedAttributes, EventBatch } from '../webhooks/event-bus.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods.js';
import { cancelSubscription } from './subscriptions.js';

export interface CustomerInput {
  email?: string | null;
  name?: string | null;
  description?: string | null;
  phone?: string | null;
  metadata?: Record<string, string | null> | null;
  payment_method?: string | null;
  invoice_settings?: { default_payment_method?: string | null } | null;
  test_clock?: string | null;
}

export function createCustomer(ctx: BillingContext, input: CustomerInput): CustomerObject {
  const testClock = input.test_clock ? ctx.store.testClocks.get(input.test_clock, 'test_clock') : null;
  const customer = buildCustomer({
    id: newId(ID_PREFIX.customer, 14),
    created: testClock?.frozen_time ?? ctx.clock.now(),
    email: input.email ?? null,
    name: input.name ?? null,
    description: input.description ?? null,
    phone: input.phone ?? null,
    metadata: mergeMetadata({}, input.metadata),
    testClock: input.test_clock ?? null,
    invoicePrefix: randomBytes(4).toString('hex').toUpperCase().slice(0, 7),
  });
  ctx.store.customers.insert(customer);
  ctx.bus.emit('customer.created', customer);
  applyPaymentSettings(ctx, customer, input);
  return customer;
}

export function updateCustomer(ctx: BillingContext, customer: CustomerObject, input: CustomerInput): CustomerObject {
  const before = structuredClone(customer);
  if (input.email !== undefined) customer.email = input.email;
  if (input.name !== undefined) customer.name = input.name;
  if (input.description !== undefined) customer.description = input.description;
  if (input.phone !== undefined) customer.phone = input.phone;
  if (input.metadata !== undefined) customer.metadata = mergeMetadata(customer.metadata, input.metadata);
  applyPaymentSettings(ctx, customer, input);
  const changed = changedAttributes(before, customer);
  if (Object.keys(changed).length > 0) ctx.bus.emit('customer.updated', customer, changed);
  return customer;
}

/**
 * Deletes a customer as Stripe does: its live subscriptions end at once, `customer.deleted` is sent,
 * and from then on the id answers `resource_missing`, except a retrieval, which says `deleted: true`.
 */
export function deleteCustomer(
  ctx: BillingContext,
  customer: CustomerObject,
): { id: string; object: 'customer'; deleted: true } {
  const events = new EventBatch();
  for (const subscription of ctx.store.subscriptions.all()) {
    if (idOf(subscription.customer) === customer.id && subscription.status !== 'canceled')
      cancelSubscription(ctx, subscription, {}, events);
  }
  ctx.store.customers.delete(customer.id);
  ctx.store.deletedCustomers.add(customer.id);
  ctx.bus.publish(events.add('customer.deleted', customer));
  return deletedCustomer(customer.id);
}

export function deletedCustomer(id: string): { id: string; object: 'customer'; deleted: true } {
  return { id, object: 'customer', deleted: true };
}

/**
 * `payment_method` attaches a card; `invoice_settings[default_payment_method]` makes one the default.
 * When both name the same test id (`pm_card_visa`), Stripe means the one card just attached.
 */
function applyPaymentSettings(ctx: BillingContext, customer: CustomerObject, input: CustomerInput): void {
  let attachedFrom: { token: string; id: string } | null = null;
  if (input.payment_method) {
    const paymentMethod = resolvePaymentMethod(ctx, input.payment_method, 'payment_method');
    attachPaymentMethod(ctx, paymentMethod, customer.id);
    attachedFrom = { token: input.payment_method, id: paymentMethod.id };
  }
  const requestedDefault = input.invoice_settings?.default_payment_method;
  if (requestedDefault === undefined) return;
  if (requestedDefault === null) {
    customer.invoice_settings.default_payment_method = null;
    return;
  }
  const paymentMethod =
    attachedFrom?.token === requestedDefault
      ? ctx.store.paymentMethods.get(attachedFrom.id)
      : resolvePaymentMethod(ctx, requestedDefault, 'invoice_settings[default_payment_method]');
  attachPaymentMethod(ctx, paymentMethod, customer.id);
  customer.invoice_settings.default_payment_method = paymentMethod.id;
}
