import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { callStripe, type StripeClient } from './stripe/stripe-client.js';

/** The organization's one Stripe customer (the organization owns it, not a browser session). */
export class BillingCustomers {
  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
  ) {}

  async customerOf(organizationId: string): Promise<string | null> {
    return storedCustomerOf(this.orm.em.fork(), organizationId);
  }

  async organizationOf(em: SqlEntityManager, stripeCustomerId: string): Promise<string | null> {
    const rows = await em.execute<Array<{ organization_id: string }>>('select organization_id from billing_customer where stripe_customer_id = ?', [
      stripeCustomerId,
    ]);
    return rows[0]?.organization_id ?? null;
  }

  /**
   * Exactly one customer, even under concurrent calls: the organization row lock serialises them,
   * and the idempotency key makes a retry after a lost response return the customer already made.
   * If Stripe fails, the transaction rolls back and nothing is stored.
   */
  async getOrCreate(stripe: StripeClient, organizationId: string, email: string): Promise<string> {
    return this.orm.em.fork().transactional(async (tx) => {
      // NO KEY UPDATE: serialises these calls without blocking inserts that reference the organization.
      await tx.execute('select id from organization where id = ? for no key update', [organizationId]);
      const existing = await storedCustomerOf(tx, organizationId);
      if (existing) return existing;
      const customer = await callStripe(() =>
        stripe.customers.create(
          { email, metadata: { organization_id: organizationId } },
          { idempotencyKey: `aa-customer-${organizationId}` },
        ),
      );
      await tx.execute('insert into billing_customer (organization_id, stripe_customer_id, email, created_at) values (?, ?, ?, ?)', [
        organizationId,
        customer.id,
        email,
        this.clock.now(),
      ]);
      return customer.id;
    });
  }
}

async function storedCustomerOf(em: SqlEntityManager, organizationId: string): Promise<string | null> {
  const rows = await em.execute<Array<{ stripe_customer_id: string }>>('select stripe_customer_id from billing_customer where organization_id = ?', [
    organizationId,
  ]);
  return rows[0]?.stripe_customer_id ?? null;
}
