/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AttributionModel =
  | 'FIRST_TOUCH'
  | 'FULL_PATH'
  | 'LAST_NON_DIRECT'
  | 'LAST_TOUCH'
  | 'LINEAR'
  | 'MARKOV'
  | 'POSITION_BASED'
  | 'SHAPLEY'
  | 'TIME_DECAY'
  | 'W_SHAPED';

export type AttributionRunInput = {
  /** Journeys converted (or, without conversion, last touched) at or after this time; aggregated rows by import time */
  from?: string | null | undefined;
  /** Days before a conversion whose touches count; default and maximum: the plan's lookback */
  lookbackDays?: number | null | undefined;
  /** Models to run; each must be in the caller's plan */
  models: Array<AttributionModel>;
  /** Inclusive upper bound of the same time */
  to?: string | null | undefined;
};

/** What the signed-in admin can do about billing right now */
export type BillingAction =
  /** Cancel at the period end */
  | 'CANCEL'
  /** Upgrade or downgrade with changePlan */
  | 'CHANGE_PLAN'
  /** The customer portal: whenever a Stripe customer exists */
  | 'MANAGE_BILLING'
  /** An open invoice: openInvoiceUrl (or pendingChange.invoiceUrl) */
  | 'PAY_INVOICE'
  /** Checkout: no subscription is live */
  | 'RESUBSCRIBE'
  /** Undo a scheduled cancellation with resumeSubscription */
  | 'RESUME'
  /** Undo a scheduled downgrade with undoScheduledPlanChange */
  | 'UNDO_SCHEDULED_CHANGE'
  /** In the customer portal */
  | 'UPDATE_PAYMENT_METHOD';

export type ChangeMemberRoleInput = {
  memberId: string | number;
  /** ADMIN or MEMBER; only an owner grants or removes ADMIN */
  role: MembershipRole;
};

export type InvitationStatus =
  | 'ACCEPTED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

export type InviteMemberInput = {
  email: string;
  /** ADMIN (only an owner invites admins) or MEMBER */
  role: MembershipRole;
};

/** PATH_ROWS: ChannelAttribution aggregated rows (path;total_conversions;total_conversion_value;total_null). JOURNEYS: one row per touch with timestamps. */
export type JourneyImportFormat =
  | 'JOURNEYS'
  | 'PATH_ROWS';

export type JourneyInput = {
  convertedAt: string;
  /** Default: all of the plan's models */
  models?: Array<AttributionModel> | null | undefined;
  /** In the order they happened; none after convertedAt */
  touches: Array<TouchInput>;
  /** Conversion value; default 0 */
  value?: number | null | undefined;
};

export type MembershipRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

/** A touch that marks a funnel stage (W_SHAPED, FULL_PATH) */
export type Milestone =
  | 'LEAD'
  | 'OPPORTUNITY';

export type PlanTier =
  | 'FREE'
  | 'PRO'
  | 'SCALE';

export type SignUpInput = {
  email: string;
  organizationName: string;
  /** At least 10 characters */
  password: string;
};

export type SignUpWithInvitationInput = {
  /** At least 10 characters; the email is the invitation's */
  password: string;
  token: string;
};

/** How a subscription's Stripe status affects the organization */
export type SubscriptionAccess =
  /** canceled or incomplete_expired: FREE, and a new subscription may start */
  | 'ENDED'
  /** past_due within the grace period: the plan is granted, payment is needed */
  | 'GRACE'
  /** past_due beyond grace, unpaid, incomplete or paused: FREE, but the customer can pay */
  | 'LAPSED'
  /** active or trialing: the plan is granted */
  | 'PAID';

export type TouchInput = {
  at: string;
  /** Non-empty, at most 100 characters; surrounding spaces are trimmed */
  channel: string;
  milestone?: Milestone | null | undefined;
};

export type UpdateOrganizationInput = {
  /** ISO 4217 code, one of supportedCurrencies */
  currency?: string | null | undefined;
};

export type UsageMetric =
  | 'ATTRIBUTION_RUNS';

export type HttpUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type HttpUsageQuery = { usage: { attributionRuns: { used: number } } };

export type HttpPlansQueryVariables = Exact<{
  tiers?: Array<PlanTier> | PlanTier | null | undefined;
}>;


export type HttpPlansQuery = { plans: Array<{ tier: PlanTier }> };

export type AccountsSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type AccountsSignUpMutation = { signUp: { role: MembershipRole, user: { email: string } | null, organization: { id: string, name: string } } };

export type AccountsSignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type AccountsSignInMutation = { signIn: { role: MembershipRole, user: { email: string } | null } };

export type AccountsMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsMeQuery = { me: { role: MembershipRole, user: { email: string } | null, organization: { id: string } } | null };

export type AccountsSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type AccountsSignOutMutation = { signOut: boolean };

export type AccountsCreateApiKeyMutationVariables = Exact<{
  name: string;
}>;


export type AccountsCreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, prefix: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type AccountsApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsApiKeysQuery = { apiKeys: Array<{ id: string, lastUsedAt: string | null }> };

export type AccountsRevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type AccountsRevokeApiKeyMutation = { revokeApiKey: { revokedAt: string | null } };

export type AccountsUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsUsageQuery = { usage: { attributionRuns: { used: number } } };

export type AccountsRevokeApiKey2MutationVariables = Exact<{
  id: string | number;
}>;


export type AccountsRevokeApiKey2Mutation = { revokeApiKey: { id: string } };

export type TeamInviteMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type TeamInviteMutation = { inviteMember: { id: string, email: string, role: MembershipRole, invitedByEmail: string | null, expiresAt: string, expired: boolean } };

export type TeamInvitationPreviewQueryVariables = Exact<{
  token: string;
}>;


export type TeamInvitationPreviewQuery = { invitation: { status: InvitationStatus, organizationName: string, inviterEmail: string | null, email: string, role: MembershipRole, accountExists: boolean } | null };

export type TeamSignUpWithInvitationMutationVariables = Exact<{
  input: SignUpWithInvitationInput;
}>;


export type TeamSignUpWithInvitationMutation = { signUpWithInvitation: { role: MembershipRole, user: { email: string } | null, organization: { id: string, name: string } } };

export type TeamAcceptInvitationMutationVariables = Exact<{
  token: string;
}>;


export type TeamAcceptInvitationMutation = { acceptInvitation: { role: MembershipRole, organization: { id: string } } };

export type TeamMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamMembersQuery = { members: Array<{ id: string, email: string, role: MembershipRole }> };

export type TeamChangeRoleMutationVariables = Exact<{
  input: ChangeMemberRoleInput;
}>;


export type TeamChangeRoleMutation = { changeMemberRole: { id: string, role: MembershipRole } };

export type TeamRemoveMemberMutationVariables = Exact<{
  id: string | number;
}>;


export type TeamRemoveMemberMutation = { removeMember: { id: string } };

export type TeamLeaveMutationVariables = Exact<{ [key: string]: never; }>;


export type TeamLeaveMutation = { leaveOrganization: { id: string } };

export type TeamMeQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamMeQuery = { me: { role: MembershipRole, organization: { id: string, currency: string } } | null };

export type TeamResendMutationVariables = Exact<{
  id: string | number;
}>;


export type TeamResendMutation = { resendInvitation: { id: string } };

export type TeamRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type TeamRevokeMutation = { revokeInvitation: { id: string } };

export type TeamInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamInvitationsQuery = { invitations: Array<{ id: string }> };

export type TeamSignInWithInvitationMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type TeamSignInWithInvitationMutation = { signInWithInvitation: { role: MembershipRole, organization: { id: string } } };

export type TeamUpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type TeamUpdateOrganizationMutation = { updateOrganization: { currency: string } };

export type AttributionAttributionReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type AttributionAttributionReportsQuery = { attributionReports: { edges: Array<{ cursor: string, node: { id: string, credits: Array<{ model: AttributionModel }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AttributionAttributionReportQueryVariables = Exact<{
  id: string | number;
}>;


export type AttributionAttributionReportQuery = { attributionReport: { id: string, credits: Array<{ model: AttributionModel, totals: { conversions: number } }> } | null };

export type AttributionAttributionReports2QueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AttributionAttributionReports2Query = { attributionReports: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AttributionAttributionReports3QueryVariables = Exact<{ [key: string]: never; }>;


export type AttributionAttributionReports3Query = { attributionReports: { edges: Array<{ node: { id: string } }> } };

export type AttributionAttributionReport2QueryVariables = Exact<{
  id: string | number;
}>;


export type AttributionAttributionReport2Query = { attributionReport: { id: string } | null };

export type AttributionAttributionReports4QueryVariables = Exact<{ [key: string]: never; }>;


export type AttributionAttributionReports4Query = { attributionReports: { edges: Array<{ cursor: string }> } };

export type JourneysTrackJourneyMutationVariables = Exact<{
  input: JourneyInput;
}>;


export type JourneysTrackJourneyMutation = { trackJourney: { journeyId: string, credits: Array<{ model: AttributionModel, channels: Array<{ channel: string, conversions: number, value: number }> }> } };

export type JourneysUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type JourneysUsageQuery = { usage: { attributionRuns: { used: number } } };

export type JourneysJourneyQueryVariables = Exact<{
  id: string | number;
}>;


export type JourneysJourneyQuery = { journey: { id: string, convertedAt: string | null, value: number, touches: Array<{ channel: string, at: string, milestone: Milestone | null }> } | null };

export type JourneysJourney2QueryVariables = Exact<{
  id: string | number;
}>;


export type JourneysJourney2Query = { journey: { id: string } | null };

export type PlanGatingTrackJourneyMutationVariables = Exact<{
  input: JourneyInput;
}>;


export type PlanGatingTrackJourneyMutation = { trackJourney: { credits: Array<{ model: AttributionModel }> } };

export type TestFixturesUsedRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type TestFixturesUsedRunsQuery = { usage: { attributionRuns: { used: number } } };

export type TestFixturesRunAttributionMutationVariables = Exact<{
  input: AttributionRunInput;
}>;


export type TestFixturesRunAttributionMutation = { runAttribution: { id: string, models: Array<AttributionModel>, from: string | null, to: string | null, lookbackDays: number, journeyCount: number, pathRowCount: number, durationMs: number, createdAt: string, credits: Array<{ model: AttributionModel, channels: Array<{ channel: string, conversions: number, value: number }>, unattributed: { conversions: number, value: number }, totals: { conversions: number, value: number } }> } };

export type TestFixturesImportJourneysMutationVariables = Exact<{
  csv: string;
}>;


export type TestFixturesImportJourneysMutation = { importJourneys: { format: JourneyImportFormat, journeys: number, touches: number, conversions: number, value: number, nulls: number } };

export type CheckoutCreateCheckoutSessionMutationVariables = Exact<{
  tier: PlanTier;
}>;


export type CheckoutCreateCheckoutSessionMutation = { createCheckoutSession: { id: string, url: string } };

export type CheckoutCreatePortalSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type CheckoutCreatePortalSessionMutation = { createPortalSession: { url: string } };

export type CheckoutSubscriptionQueryVariables = Exact<{ [key: string]: never; }>;


export type CheckoutSubscriptionQuery = { subscription: { stripeSubscriptionId: string, status: string, planTier: PlanTier, cancelAtPeriodEnd: boolean, currentPeriodEnd: string } | null };

export type CheckoutChangePlanMutationVariables = Exact<{ [key: string]: never; }>;


export type CheckoutChangePlanMutation = { changePlan: { planTier: PlanTier, status: string, cancelAtPeriodEnd: boolean } };

export type CheckoutChangePlan2MutationVariables = Exact<{ [key: string]: never; }>;


export type CheckoutChangePlan2Mutation = { changePlan: { planTier: PlanTier, cancelAtPeriodEnd: boolean } };

export type CustomerDeletedBillingAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerDeletedBillingAccountQuery = { billingAccount: { hasCustomer: boolean, canCheckout: boolean, subscription: { status: string, access: SubscriptionAccess } | null } };

export type CustomerDeletedCreatePortalSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type CustomerDeletedCreatePortalSessionMutation = { createPortalSession: { url: string } };

export type DuplicateSubscriptionBillingIncidentsQueryVariables = Exact<{ [key: string]: never; }>;


export type DuplicateSubscriptionBillingIncidentsQuery = { billingIncidents: Array<{ id: string, kind: string, stripeSubscriptionId: string, keptStripeSubscriptionId: string | null, planTier: PlanTier | null, refundedCents: number, detail: string, createdAt: string }> };

export type InvoiceWebhooksOutboxQueryVariables = Exact<{ [key: string]: never; }>;


export type InvoiceWebhooksOutboxQuery = { outbox: Array<{ subject: string, body: string }> };

export type LapsedBillingAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type LapsedBillingAccountQuery = { billingAccount: { hasCustomer: boolean, canCheckout: boolean, subscription: { stripeSubscriptionId: string, status: string, planTier: PlanTier, access: SubscriptionAccess, grantsPlan: boolean, cancelAtPeriodEnd: boolean, cancelAt: string | null, currentPeriodEnd: string, graceEndsAt: string | null, openInvoiceUrl: string | null, actions: Array<BillingAction> } | null } };

export type LapsedCreateCheckoutSessionMutationVariables = Exact<{
  tier: PlanTier;
}>;


export type LapsedCreateCheckoutSessionMutation = { createCheckoutSession: { id: string, url: string } };

export type LapsedCreatePortalSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type LapsedCreatePortalSessionMutation = { createPortalSession: { url: string } };

export type LapsedSubscriptionQueryVariables = Exact<{ [key: string]: never; }>;


export type LapsedSubscriptionQuery = { subscription: { stripeSubscriptionId: string, access: SubscriptionAccess } | null };

export type LapsedResumeSubscriptionMutationVariables = Exact<{ [key: string]: never; }>;


export type LapsedResumeSubscriptionMutation = { resumeSubscription: { cancelAtPeriodEnd: boolean, cancelAt: string | null, actions: Array<BillingAction> } };

export type LapsedResumeSubscription2MutationVariables = Exact<{ [key: string]: never; }>;


export type LapsedResumeSubscription2Mutation = { resumeSubscription: { id: string } };

export type LifecycleTrackJourneyMutationVariables = Exact<{
  input: JourneyInput;
}>;


export type LifecycleTrackJourneyMutation = { trackJourney: { journeyId: string } };

export type LifecycleUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleUsageQuery = { usage: { attributionRuns: { used: number, limit: number, periodStart: string, periodEnd: string } } };

export type LifecycleOutboxQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleOutboxQuery = { outbox: Array<{ to: Array<string>, subject: string, body: string, transport: string }> };

export type LifecycleChangePlanMutationVariables = Exact<{ [key: string]: never; }>;


export type LifecycleChangePlanMutation = { changePlan: { planTier: PlanTier, cancelAtPeriodEnd: boolean, scheduledChange: { planTier: PlanTier } | null } };

export type LifecycleSubscriptionQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleSubscriptionQuery = { subscription: { planTier: PlanTier, scheduledChange: { planTier: PlanTier } | null } | null };

export type LifecycleSubscription2QueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleSubscription2Query = { subscription: { status: string, planTier: PlanTier } | null };

export type LifecycleCreatePortalSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type LifecycleCreatePortalSessionMutation = { createPortalSession: { url: string } };

export type LifecycleSubscription3QueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleSubscription3Query = { subscription: { status: string, cancelAtPeriodEnd: boolean } | null };

export type LifecycleSubscription4QueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleSubscription4Query = { subscription: { status: string, access: SubscriptionAccess } | null };

export type LifecycleCreateCheckoutSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type LifecycleCreateCheckoutSessionMutation = { createCheckoutSession: { id: string, url: string } };

export type BillingOverviewBillingOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingOverviewBillingOverviewQuery = { billingOverview: { monthlyRecurringRevenueCents: number, activeSubscribers: number, churnedLast30Days: number, subscribers: Array<{ planTier: PlanTier, count: number }> } };

export type BillingOverviewMeQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingOverviewMeQuery = { me: { isOperator: boolean } | null };

export type PlanChangesFieldsFragment = { planTier: PlanTier, status: string, cancelAtPeriodEnd: boolean, currentPeriodEnd: string, scheduledChange: { planTier: PlanTier, effectiveAt: string } | null, pendingChange: { planTier: PlanTier, invoiceUrl: string | null, expiresAt: string | null } | null };

export type PlanChangesChangePlanMutationVariables = Exact<{
  tier: PlanTier;
}>;


export type PlanChangesChangePlanMutation = { changePlan: { planTier: PlanTier, status: string, cancelAtPeriodEnd: boolean, currentPeriodEnd: string, scheduledChange: { planTier: PlanTier, effectiveAt: string } | null, pendingChange: { planTier: PlanTier, invoiceUrl: string | null, expiresAt: string | null } | null } };

export type PlanChangesUndoMutationVariables = Exact<{ [key: string]: never; }>;


export type PlanChangesUndoMutation = { undoScheduledPlanChange: { planTier: PlanTier, status: string, cancelAtPeriodEnd: boolean, currentPeriodEnd: string, scheduledChange: { planTier: PlanTier, effectiveAt: string } | null, pendingChange: { planTier: PlanTier, invoiceUrl: string | null, expiresAt: string | null } | null } };

export type PlanChangesSubscriptionQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanChangesSubscriptionQuery = { subscription: { planTier: PlanTier, status: string, cancelAtPeriodEnd: boolean, currentPeriodEnd: string, scheduledChange: { planTier: PlanTier, effectiveAt: string } | null, pendingChange: { planTier: PlanTier, invoiceUrl: string | null, expiresAt: string | null } | null } | null };

export type PlanChangesOutboxQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanChangesOutboxQuery = { outbox: Array<{ subject: string, body: string }> };

export type PortalCreatePortalSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type PortalCreatePortalSessionMutation = { createPortalSession: { url: string } };

export type ReconcileSchedulerSubscriptionQueryVariables = Exact<{ [key: string]: never; }>;


export type ReconcileSchedulerSubscriptionQuery = { subscription: { cancelAtPeriodEnd: boolean } | null };

export type StripePreflightCreateCheckoutSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type StripePreflightCreateCheckoutSessionMutation = { createCheckoutSession: { url: string } };

export type StripePreflightCreateCheckoutSession2MutationVariables = Exact<{ [key: string]: never; }>;


export type StripePreflightCreateCheckoutSession2Mutation = { createCheckoutSession: { url: string } };

export type SubscriptionSnapshotBillingAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type SubscriptionSnapshotBillingAccountQuery = { billingAccount: { canCheckout: boolean, subscription: { id: string } | null } };

export type BillingTestKitCreateCheckoutSessionMutationVariables = Exact<{
  tier: PlanTier;
}>;


export type BillingTestKitCreateCheckoutSessionMutation = { createCheckoutSession: { id: string, url: string } };

export type BillingTestKitPlanQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingTestKitPlanQuery = { plan: { tier: PlanTier, limits: { attributionRuns: number } } };

export type WebhooksWebhookEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksWebhookEventsQuery = { webhookEvents: Array<{ id: string, type: string, status: string, attempts: number, result: string | null, error: string | null }> };

export type WebhooksReplayWebhookEventMutationVariables = Exact<{
  id: string | number;
}>;


export type WebhooksReplayWebhookEventMutation = { replayWebhookEvent: { status: string, attempts: number, error: string | null } };

export type WebhooksReplayWebhookEvent2MutationVariables = Exact<{
  id: string | number;
}>;


export type WebhooksReplayWebhookEvent2Mutation = { replayWebhookEvent: { status: string } };

export type WebhooksReplayWebhookEvent3MutationVariables = Exact<{
  id: string | number;
}>;


export type WebhooksReplayWebhookEvent3Mutation = { replayWebhookEvent: { status: string } };

export type PlanLimitTrackJourneyMutationVariables = Exact<{
  input: JourneyInput;
}>;


export type PlanLimitTrackJourneyMutation = { trackJourney: { journeyId: string } };

export type PlanLimitUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanLimitUsageQuery = { usage: { attributionRuns: { metric: UsageMetric, used: number, limit: number, remaining: number, periodStart: string, periodEnd: string } } };

export type PlanLookupsTrackJourneyMutationVariables = Exact<{
  input: JourneyInput;
}>;


export type PlanLookupsTrackJourneyMutation = { trackJourney: { journeyId: string } };

export type PlanLookupsRunAttributionMutationVariables = Exact<{
  input: AttributionRunInput;
}>;


export type PlanLookupsRunAttributionMutation = { runAttribution: { journeyCount: number } };

export type PlanLookupsPlanUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanLookupsPlanUsageQuery = { plan: { tier: PlanTier }, usage: { attributionRuns: { used: number, limit: number } } };

export type PlansPlansQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansPlansQuery = { plans: Array<{ tier: PlanTier, name: string, priceMonthlyCents: number, limits: { attributionRuns: number, models: Array<AttributionModel>, lookbackDays: number, exports: boolean } }> };

export type PlansPlanQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansPlanQuery = { plan: { tier: PlanTier } };

export type PlansPlanSubscriptionQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansPlanSubscriptionQuery = { plan: { tier: PlanTier, limits: { lookbackDays: number, models: Array<AttributionModel> } }, subscription: { id: string } | null };

export type SubscriptionPeriodTrackJourneyMutationVariables = Exact<{
  input: JourneyInput;
}>;


export type SubscriptionPeriodTrackJourneyMutation = { trackJourney: { credits: Array<{ model: AttributionModel }> } };

export type SubscriptionPeriodPlanUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type SubscriptionPeriodPlanUsageQuery = { plan: { tier: PlanTier }, usage: { attributionRuns: { used: number, limit: number, periodStart: string, periodEnd: string } }, subscription: { stripeSubscriptionId: string, planTier: PlanTier, currentPeriodEnd: string } | null };

export type UsageDailyTrackJourneyMutationVariables = Exact<{
  input: JourneyInput;
}>;


export type UsageDailyTrackJourneyMutation = { trackJourney: { journeyId: string } };

export type UsageDailyQueryVariables = Exact<{ [key: string]: never; }>;


export type UsageDailyQuery = { usage: { attributionRuns: { used: number, limit: number, projectedUsed: number, projectedToExceedOn: string | null, daily: Array<{ date: string, used: number }> } } };

export type MailServiceOutboxQueryVariables = Exact<{ [key: string]: never; }>;


export type MailServiceOutboxQuery = { outbox: Array<{ subject: string, transport: string, sentAt: string | null }> };

export type MailServiceOutbox2QueryVariables = Exact<{ [key: string]: never; }>;


export type MailServiceOutbox2Query = { outbox: Array<{ subject: string }> };

export type HarnessSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type HarnessSignUpMutation = { signUp: { organization: { id: string } } };

export type HarnessCreateApiKeyMutationVariables = Exact<{
  name: string;
}>;


export type HarnessCreateApiKeyMutation = { createApiKey: { secret: string } };

export const PlanChangesFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanChangesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillingSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PlanChangesFieldsFragment, unknown>;
export const HttpUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HttpUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"used"}}]}}]}}]}}]} as unknown as DocumentNode<HttpUsageQuery, HttpUsageQueryVariables>;
export const HttpPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HttpPlans"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tiers"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanTier"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tiers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tiers"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}}]}}]} as unknown as DocumentNode<HttpPlansQuery, HttpPlansQueryVariables>;
export const AccountsSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AccountsSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AccountsSignUpMutation, AccountsSignUpMutationVariables>;
export const AccountsSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AccountsSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AccountsSignInMutation, AccountsSignInMutationVariables>;
export const AccountsMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AccountsMeQuery, AccountsMeQueryVariables>;
export const AccountsSignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AccountsSignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<AccountsSignOutMutation, AccountsSignOutMutationVariables>;
export const AccountsCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AccountsCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<AccountsCreateApiKeyMutation, AccountsCreateApiKeyMutationVariables>;
export const AccountsApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]} as unknown as DocumentNode<AccountsApiKeysQuery, AccountsApiKeysQueryVariables>;
export const AccountsRevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AccountsRevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<AccountsRevokeApiKeyMutation, AccountsRevokeApiKeyMutationVariables>;
export const AccountsUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"used"}}]}}]}}]}}]} as unknown as DocumentNode<AccountsUsageQuery, AccountsUsageQueryVariables>;
export const AccountsRevokeApiKey2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AccountsRevokeApiKey2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AccountsRevokeApiKey2Mutation, AccountsRevokeApiKey2MutationVariables>;
export const TeamInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"invitedByEmail"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}}]}}]}}]} as unknown as DocumentNode<TeamInviteMutation, TeamInviteMutationVariables>;
export const TeamInvitationPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamInvitationPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"inviterEmail"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"accountExists"}}]}}]}}]} as unknown as DocumentNode<TeamInvitationPreviewQuery, TeamInvitationPreviewQueryVariables>;
export const TeamSignUpWithInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamSignUpWithInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpWithInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUpWithInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<TeamSignUpWithInvitationMutation, TeamSignUpWithInvitationMutationVariables>;
export const TeamAcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<TeamAcceptInvitationMutation, TeamAcceptInvitationMutationVariables>;
export const TeamMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<TeamMembersQuery, TeamMembersQueryVariables>;
export const TeamChangeRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamChangeRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeMemberRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<TeamChangeRoleMutation, TeamChangeRoleMutationVariables>;
export const TeamRemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamRemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TeamRemoveMemberMutation, TeamRemoveMemberMutationVariables>;
export const TeamLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamLeave"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TeamLeaveMutation, TeamLeaveMutationVariables>;
export const TeamMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<TeamMeQuery, TeamMeQueryVariables>;
export const TeamResendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamResend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TeamResendMutation, TeamResendMutationVariables>;
export const TeamRevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TeamRevokeMutation, TeamRevokeMutationVariables>;
export const TeamInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TeamInvitationsQuery, TeamInvitationsQueryVariables>;
export const TeamSignInWithInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamSignInWithInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInWithInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<TeamSignInWithInvitationMutation, TeamSignInWithInvitationMutationVariables>;
export const TeamUpdateOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamUpdateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<TeamUpdateOrganizationMutation, TeamUpdateOrganizationMutationVariables>;
export const AttributionAttributionReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AttributionAttributionReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AttributionAttributionReportsQuery, AttributionAttributionReportsQueryVariables>;
export const AttributionAttributionReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AttributionAttributionReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversions"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AttributionAttributionReportQuery, AttributionAttributionReportQueryVariables>;
export const AttributionAttributionReports2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AttributionAttributionReports2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AttributionAttributionReports2Query, AttributionAttributionReports2QueryVariables>;
export const AttributionAttributionReports3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AttributionAttributionReports3"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AttributionAttributionReports3Query, AttributionAttributionReports3QueryVariables>;
export const AttributionAttributionReport2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AttributionAttributionReport2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AttributionAttributionReport2Query, AttributionAttributionReport2QueryVariables>;
export const AttributionAttributionReports4Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AttributionAttributionReports4"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"StringValue","value":"bm9wZQ","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]}}]} as unknown as DocumentNode<AttributionAttributionReports4Query, AttributionAttributionReports4QueryVariables>;
export const JourneysTrackJourneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneysTrackJourney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JourneyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackJourney"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journeyId"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JourneysTrackJourneyMutation, JourneysTrackJourneyMutationVariables>;
export const JourneysUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneysUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"used"}}]}}]}}]}}]} as unknown as DocumentNode<JourneysUsageQuery, JourneysUsageQueryVariables>;
export const JourneysJourneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneysJourney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"convertedAt"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"touches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"milestone"}}]}}]}}]}}]} as unknown as DocumentNode<JourneysJourneyQuery, JourneysJourneyQueryVariables>;
export const JourneysJourney2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneysJourney2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneysJourney2Query, JourneysJourney2QueryVariables>;
export const PlanGatingTrackJourneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlanGatingTrackJourney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JourneyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackJourney"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]} as unknown as DocumentNode<PlanGatingTrackJourneyMutation, PlanGatingTrackJourneyMutationVariables>;
export const TestFixturesUsedRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestFixturesUsedRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"used"}}]}}]}}]}}]} as unknown as DocumentNode<TestFixturesUsedRunsQuery, TestFixturesUsedRunsQueryVariables>;
export const TestFixturesRunAttributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestFixturesRunAttribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttributionRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runAttribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"lookbackDays"}},{"kind":"Field","name":{"kind":"Name","value":"journeyCount"}},{"kind":"Field","name":{"kind":"Name","value":"pathRowCount"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unattributed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestFixturesRunAttributionMutation, TestFixturesRunAttributionMutationVariables>;
export const TestFixturesImportJourneysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestFixturesImportJourneys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"csv"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importJourneys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"csv"},"value":{"kind":"Variable","name":{"kind":"Name","value":"csv"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"journeys"}},{"kind":"Field","name":{"kind":"Name","value":"touches"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nulls"}}]}}]}}]} as unknown as DocumentNode<TestFixturesImportJourneysMutation, TestFixturesImportJourneysMutationVariables>;
export const CheckoutCreateCheckoutSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutCreateCheckoutSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanTier"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tier"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<CheckoutCreateCheckoutSessionMutation, CheckoutCreateCheckoutSessionMutationVariables>;
export const CheckoutCreatePortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutCreatePortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<CheckoutCreatePortalSessionMutation, CheckoutCreatePortalSessionMutationVariables>;
export const CheckoutSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckoutSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stripeSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}}]}}]}}]} as unknown as DocumentNode<CheckoutSubscriptionQuery, CheckoutSubscriptionQueryVariables>;
export const CheckoutChangePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutChangePlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"EnumValue","value":"SCALE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}}]}}]}}]} as unknown as DocumentNode<CheckoutChangePlanMutation, CheckoutChangePlanMutationVariables>;
export const CheckoutChangePlan2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutChangePlan2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"EnumValue","value":"FREE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}}]}}]}}]} as unknown as DocumentNode<CheckoutChangePlan2Mutation, CheckoutChangePlan2MutationVariables>;
export const CustomerDeletedBillingAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDeletedBillingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasCustomer"}},{"kind":"Field","name":{"kind":"Name","value":"canCheckout"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerDeletedBillingAccountQuery, CustomerDeletedBillingAccountQueryVariables>;
export const CustomerDeletedCreatePortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerDeletedCreatePortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<CustomerDeletedCreatePortalSessionMutation, CustomerDeletedCreatePortalSessionMutationVariables>;
export const DuplicateSubscriptionBillingIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DuplicateSubscriptionBillingIncidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingIncidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"stripeSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"keptStripeSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"refundedCents"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<DuplicateSubscriptionBillingIncidentsQuery, DuplicateSubscriptionBillingIncidentsQueryVariables>;
export const InvoiceWebhooksOutboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvoiceWebhooksOutbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]} as unknown as DocumentNode<InvoiceWebhooksOutboxQuery, InvoiceWebhooksOutboxQueryVariables>;
export const LapsedBillingAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LapsedBillingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasCustomer"}},{"kind":"Field","name":{"kind":"Name","value":"canCheckout"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stripeSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"grantsPlan"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"graceEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"openInvoiceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}}]}}]}}]}}]} as unknown as DocumentNode<LapsedBillingAccountQuery, LapsedBillingAccountQueryVariables>;
export const LapsedCreateCheckoutSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LapsedCreateCheckoutSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanTier"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tier"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<LapsedCreateCheckoutSessionMutation, LapsedCreateCheckoutSessionMutationVariables>;
export const LapsedCreatePortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LapsedCreatePortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<LapsedCreatePortalSessionMutation, LapsedCreatePortalSessionMutationVariables>;
export const LapsedSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LapsedSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stripeSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]} as unknown as DocumentNode<LapsedSubscriptionQuery, LapsedSubscriptionQueryVariables>;
export const LapsedResumeSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LapsedResumeSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAt"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}}]}}]}}]} as unknown as DocumentNode<LapsedResumeSubscriptionMutation, LapsedResumeSubscriptionMutationVariables>;
export const LapsedResumeSubscription2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LapsedResumeSubscription2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<LapsedResumeSubscription2Mutation, LapsedResumeSubscription2MutationVariables>;
export const LifecycleTrackJourneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleTrackJourney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JourneyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackJourney"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journeyId"}}]}}]}}]} as unknown as DocumentNode<LifecycleTrackJourneyMutation, LifecycleTrackJourneyMutationVariables>;
export const LifecycleUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleUsageQuery, LifecycleUsageQueryVariables>;
export const LifecycleOutboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleOutbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"transport"}}]}}]}}]} as unknown as DocumentNode<LifecycleOutboxQuery, LifecycleOutboxQueryVariables>;
export const LifecycleChangePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleChangePlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"EnumValue","value":"PRO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleChangePlanMutation, LifecycleChangePlanMutationVariables>;
export const LifecycleSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleSubscriptionQuery, LifecycleSubscriptionQueryVariables>;
export const LifecycleSubscription2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleSubscription2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planTier"}}]}}]}}]} as unknown as DocumentNode<LifecycleSubscription2Query, LifecycleSubscription2QueryVariables>;
export const LifecycleCreatePortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleCreatePortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<LifecycleCreatePortalSessionMutation, LifecycleCreatePortalSessionMutationVariables>;
export const LifecycleSubscription3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleSubscription3"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}}]}}]}}]} as unknown as DocumentNode<LifecycleSubscription3Query, LifecycleSubscription3QueryVariables>;
export const LifecycleSubscription4Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleSubscription4"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]} as unknown as DocumentNode<LifecycleSubscription4Query, LifecycleSubscription4QueryVariables>;
export const LifecycleCreateCheckoutSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleCreateCheckoutSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"EnumValue","value":"PRO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<LifecycleCreateCheckoutSessionMutation, LifecycleCreateCheckoutSessionMutationVariables>;
export const BillingOverviewBillingOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingOverviewBillingOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthlyRecurringRevenueCents"}},{"kind":"Field","name":{"kind":"Name","value":"activeSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"subscribers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"churnedLast30Days"}}]}}]}}]} as unknown as DocumentNode<BillingOverviewBillingOverviewQuery, BillingOverviewBillingOverviewQueryVariables>;
export const BillingOverviewMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingOverviewMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isOperator"}}]}}]}}]} as unknown as DocumentNode<BillingOverviewMeQuery, BillingOverviewMeQueryVariables>;
export const PlanChangesChangePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlanChangesChangePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanTier"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tier"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanChangesFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanChangesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillingSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PlanChangesChangePlanMutation, PlanChangesChangePlanMutationVariables>;
export const PlanChangesUndoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlanChangesUndo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"undoScheduledPlanChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanChangesFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanChangesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillingSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PlanChangesUndoMutation, PlanChangesUndoMutationVariables>;
export const PlanChangesSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanChangesSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlanChangesFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlanChangesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillingSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PlanChangesSubscriptionQuery, PlanChangesSubscriptionQueryVariables>;
export const PlanChangesOutboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanChangesOutbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]} as unknown as DocumentNode<PlanChangesOutboxQuery, PlanChangesOutboxQueryVariables>;
export const PortalCreatePortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalCreatePortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPortalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<PortalCreatePortalSessionMutation, PortalCreatePortalSessionMutationVariables>;
export const ReconcileSchedulerSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReconcileSchedulerSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}}]}}]}}]} as unknown as DocumentNode<ReconcileSchedulerSubscriptionQuery, ReconcileSchedulerSubscriptionQueryVariables>;
export const StripePreflightCreateCheckoutSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StripePreflightCreateCheckoutSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"EnumValue","value":"PRO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<StripePreflightCreateCheckoutSessionMutation, StripePreflightCreateCheckoutSessionMutationVariables>;
export const StripePreflightCreateCheckoutSession2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StripePreflightCreateCheckoutSession2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"EnumValue","value":"PRO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<StripePreflightCreateCheckoutSession2Mutation, StripePreflightCreateCheckoutSession2MutationVariables>;
export const SubscriptionSnapshotBillingAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubscriptionSnapshotBillingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canCheckout"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SubscriptionSnapshotBillingAccountQuery, SubscriptionSnapshotBillingAccountQueryVariables>;
export const BillingTestKitCreateCheckoutSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingTestKitCreateCheckoutSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanTier"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planTier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tier"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<BillingTestKitCreateCheckoutSessionMutation, BillingTestKitCreateCheckoutSessionMutationVariables>;
export const BillingTestKitPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingTestKitPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"}}]}}]}}]}}]} as unknown as DocumentNode<BillingTestKitPlanQuery, BillingTestKitPlanQueryVariables>;
export const WebhooksWebhookEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhooksWebhookEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<WebhooksWebhookEventsQuery, WebhooksWebhookEventsQueryVariables>;
export const WebhooksReplayWebhookEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhooksReplayWebhookEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<WebhooksReplayWebhookEventMutation, WebhooksReplayWebhookEventMutationVariables>;
export const WebhooksReplayWebhookEvent2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhooksReplayWebhookEvent2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WebhooksReplayWebhookEvent2Mutation, WebhooksReplayWebhookEvent2MutationVariables>;
export const WebhooksReplayWebhookEvent3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhooksReplayWebhookEvent3"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WebhooksReplayWebhookEvent3Mutation, WebhooksReplayWebhookEvent3MutationVariables>;
export const PlanLimitTrackJourneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlanLimitTrackJourney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JourneyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackJourney"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journeyId"}}]}}]}}]} as unknown as DocumentNode<PlanLimitTrackJourneyMutation, PlanLimitTrackJourneyMutationVariables>;
export const PlanLimitUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanLimitUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}}]}}]}}]}}]} as unknown as DocumentNode<PlanLimitUsageQuery, PlanLimitUsageQueryVariables>;
export const PlanLookupsTrackJourneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlanLookupsTrackJourney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JourneyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackJourney"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journeyId"}}]}}]}}]} as unknown as DocumentNode<PlanLookupsTrackJourneyMutation, PlanLookupsTrackJourneyMutationVariables>;
export const PlanLookupsRunAttributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlanLookupsRunAttribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttributionRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runAttribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journeyCount"}}]}}]}}]} as unknown as DocumentNode<PlanLookupsRunAttributionMutation, PlanLookupsRunAttributionMutationVariables>;
export const PlanLookupsPlanUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanLookupsPlanUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}}]}}]} as unknown as DocumentNode<PlanLookupsPlanUsageQuery, PlanLookupsPlanUsageQueryVariables>;
export const PlansPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlansPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priceMonthlyCents"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"lookbackDays"}},{"kind":"Field","name":{"kind":"Name","value":"exports"}}]}}]}}]}}]} as unknown as DocumentNode<PlansPlansQuery, PlansPlansQueryVariables>;
export const PlansPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlansPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}}]}}]} as unknown as DocumentNode<PlansPlanQuery, PlansPlanQueryVariables>;
export const PlansPlanSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlansPlanSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lookbackDays"}},{"kind":"Field","name":{"kind":"Name","value":"models"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PlansPlanSubscriptionQuery, PlansPlanSubscriptionQueryVariables>;
export const SubscriptionPeriodTrackJourneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubscriptionPeriodTrackJourney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JourneyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackJourney"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]} as unknown as DocumentNode<SubscriptionPeriodTrackJourneyMutation, SubscriptionPeriodTrackJourneyMutationVariables>;
export const SubscriptionPeriodPlanUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubscriptionPeriodPlanUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stripeSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"planTier"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}}]}}]}}]} as unknown as DocumentNode<SubscriptionPeriodPlanUsageQuery, SubscriptionPeriodPlanUsageQueryVariables>;
export const UsageDailyTrackJourneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UsageDailyTrackJourney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JourneyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackJourney"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journeyId"}}]}}]}}]} as unknown as DocumentNode<UsageDailyTrackJourneyMutation, UsageDailyTrackJourneyMutationVariables>;
export const UsageDailyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsageDaily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributionRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"used"}}]}},{"kind":"Field","name":{"kind":"Name","value":"projectedUsed"}},{"kind":"Field","name":{"kind":"Name","value":"projectedToExceedOn"}}]}}]}}]}}]} as unknown as DocumentNode<UsageDailyQuery, UsageDailyQueryVariables>;
export const MailServiceOutboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MailServiceOutbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"transport"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]} as unknown as DocumentNode<MailServiceOutboxQuery, MailServiceOutboxQueryVariables>;
export const MailServiceOutbox2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MailServiceOutbox2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}}]}}]} as unknown as DocumentNode<MailServiceOutbox2Query, MailServiceOutbox2QueryVariables>;
export const HarnessSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HarnessSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<HarnessSignUpMutation, HarnessSignUpMutationVariables>;
export const HarnessCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HarnessCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<HarnessCreateApiKeyMutation, HarnessCreateApiKeyMutationVariables>;