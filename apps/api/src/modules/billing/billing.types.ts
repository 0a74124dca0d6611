import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CheckoutSession')
export class CheckoutSessionObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Stripe Checkout's hosted page; send the browser there" })
  url!: string;
}

@ObjectType('PortalSession')
export class PortalSessionObject {
  @Field(() => String, { description: "Stripe's customer portal for this organization" })
  url!: string;
}

@ObjectType('WebhookEvent', { description: 'A Stripe webhook event as received and applied' })
export class WebhookEventObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  type!: string;

  @Field(() => String, { description: 'received, processing, processed, ignored or failed' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'What the handler did' })
  result!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' })
  error!: string | null;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
