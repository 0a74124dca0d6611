import type { PlanTier } from '@aa/plans';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/enum-object.js';
import { PlanTierEnum } from '../entitlements/index.js';
import { PLAN_CHANGE_KINDS, type PlanChangeKind } from './plan-change-preview.js';

export const PlanChangeKindEnum = enumObject(PLAN_CHANGE_KINDS);
registerEnumType(PlanChangeKindEnum, {
  name: 'PlanChangeKind',
  description: 'What changePlan would do',
  valuesConfig: {
    UPGRADE: { description: 'Charged now, prorated; the plan changes once that invoice is paid' },
    DOWNGRADE: { description: 'The lower plan takes over at the period end; nothing is charged now' },
    CANCEL: { description: 'The subscription ends at the period end (FREE); nothing is charged now' },
    KEEP: { description: 'Takes back a scheduled downgrade or cancellation; nothing is charged now' },
  },
});

@ObjectType('PlanChangePreviewLine', { description: 'One line of the previewed invoice' })
export class PlanChangePreviewLineObject {
  @Field(() => String)
  description!: string;

  @Field(() => Int, { description: "In the currency's smallest unit; negative for a credit" })
  amount!: number;

  @Field(() => Boolean, { description: 'A prorated charge or credit for the rest of the period' })
  proration!: boolean;
}

@ObjectType('PlanChangePreview', { description: "Stripe's invoice preview of a plan change, before it is made" })
export class PlanChangePreviewObject {
  @Field(() => PlanTierEnum)
  planTier!: PlanTier;

  @Field(() => PlanChangeKindEnum)
  kind!: PlanChangeKind;

  @Field(() => Int, { description: "Charged at once, in the currency's smallest unit (0 unless an upgrade)" })
  amountDueToday!: number;

  @Field(() => String, { description: 'ISO 4217, lower case as Stripe writes it' })
  currency!: string;

  @Field(() => Date, {
    description: 'When the new plan applies: now for an upgrade, the period end for a downgrade or cancellation',
  })
  effectiveAt!: Date;

  @Field(() => [PlanChangePreviewLineObject])
  lines!: PlanChangePreviewLineObject[];

  @Field(() => Int, { nullable: true, description: 'The next renewal on the new plan; null when nothing renews' })
  nextInvoiceAmount!: number | null;

  @Field(() => Date, { nullable: true })
  nextInvoiceAt!: Date | null;
}

@ObjectType('Invoice', { description: "A Stripe invoice of the organization's subscription" })
export class InvoiceObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  number!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Int, { description: "In the currency's smallest unit" })
  amountDue!: number;

  @Field(() => Int)
  amountPaid!: number;

  @Field(() => String)
  currency!: string;

  @Field(() => String, { description: "Stripe's status: open, paid, uncollectible or void" })
  status!: string;

  @Field(() => String, { nullable: true, description: "Stripe's hosted page of the invoice (pay or view it)" })
  hostedInvoiceUrl!: string | null;

  @Field(() => String, { nullable: true })
  invoicePdf!: string | null;
}

@ObjectType('InvoicePage')
export class InvoicePageObject {
  @Field(() => [InvoiceObject], { description: 'Newest first' })
  nodes!: InvoiceObject[];

  @Field(() => ID, { nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  endCursor!: string | null;
}
