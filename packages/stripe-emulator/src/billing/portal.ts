import { ID_PREFIX, newId } from '../ids.js';
import { buildPortalSession, type PortalSessionObject } from '../objects/platform-objects.js';
import type { BillingContext } from './context.js';

export function createPortalSession(
  ctx: BillingContext,
  input: { customer: string; return_url?: string | null; configuration?: string | null; locale?: string | null },
): PortalSessionObject {
  ctx.store.customers.get(input.customer, 'customer');
  const id = newId(ID_PREFIX.portalSession);
  return ctx.store.portalSessions.insert(
    buildPortalSession({
      id,
      created: ctx.clock.forCustomer(input.customer),
      customer: input.customer,
      returnUrl: input.return_url ?? null,
      url: `${ctx.publicUrl}/portal/${id}`,
      configuration: input.configuration ?? `${ID_PREFIX.portalConfiguration}emulator_default`,
      locale: input.locale ?? null,
    }),
  );
}
