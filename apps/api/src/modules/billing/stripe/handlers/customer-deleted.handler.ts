import { ignored, type WebhookHandler } from './webhook-handler.js';

/**
 * Stripe deletes a customer for good (the Dashboard, clearing test data): the organization forgets
 * it and gets a new one on its next checkout. Only the id is read from the payload.
 */
export const customerDeleted: WebhookHandler = async (event, { deletedCustomers }) => {
  const customerId = (event.data.object as { id: string }).id;
  const outcome = await deletedCustomers.apply(customerId);
  if (!outcome.organizationId) return ignored(`customer ${customerId} is not one of ours`);
  const subscriptions = [
    ...outcome.synced.map((id) => `${id} synced`),
    ...outcome.missing.map((id) => `${id} missing in Stripe`),
  ];
  return {
    status: 'processed',
    organizationId: outcome.organizationId,
    result: `customer ${customerId} forgotten${subscriptions.length > 0 ? `; subscriptions ${subscriptions.join(', ')}` : ''}`,
  };
};
