/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n        query HttpUsage {\n          usage {\n            attributionRuns {\n              used\n            }\n          }\n        }\n      ": typeof types.HttpUsageDocument,
    "\n      query HttpPlans($tiers: [PlanTier!]) {\n        plans(tiers: $tiers) {\n          tier\n        }\n      }\n    ": typeof types.HttpPlansDocument,
    "\n  mutation AccountsSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        email\n      }\n      organization {\n        id\n        name\n      }\n      role\n    }\n  }\n": typeof types.AccountsSignUpDocument,
    "\n  mutation AccountsSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        email\n      }\n      role\n    }\n  }\n": typeof types.AccountsSignInDocument,
    "\n  query AccountsMe {\n    me {\n      user {\n        email\n      }\n      organization {\n        id\n      }\n      role\n    }\n  }\n": typeof types.AccountsMeDocument,
    "\n            mutation AccountsSignOut {\n              signOut\n            }\n          ": typeof types.AccountsSignOutDocument,
    "\n    mutation AccountsCreateApiKey($name: String!) {\n      createApiKey(name: $name) {\n        secret\n        apiKey {\n          id\n          name\n          prefix\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  ": typeof types.AccountsCreateApiKeyDocument,
    "\n        query AccountsApiKeys {\n          apiKeys {\n            id\n            lastUsedAt\n          }\n        }\n      ": typeof types.AccountsApiKeysDocument,
    "\n        mutation AccountsRevokeApiKey($id: ID!) {\n          revokeApiKey(id: $id) {\n            revokedAt\n          }\n        }\n      ": typeof types.AccountsRevokeApiKeyDocument,
    "\n        query AccountsUsage {\n          usage {\n            attributionRuns {\n              used\n            }\n          }\n        }\n      ": typeof types.AccountsUsageDocument,
    "\n        mutation AccountsRevokeApiKey2($id: ID!) {\n          revokeApiKey(id: $id) {\n            id\n          }\n        }\n      ": typeof types.AccountsRevokeApiKey2Document,
    "\n  mutation TeamInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      invitedByEmail\n      expiresAt\n      expired\n    }\n  }\n": typeof types.TeamInviteDocument,
    "\n  query TeamInvitationPreview($token: String!) {\n    invitation(token: $token) {\n      status\n      organizationName\n      inviterEmail\n      email\n      role\n      accountExists\n    }\n  }\n": typeof types.TeamInvitationPreviewDocument,
    "\n  mutation TeamSignUpWithInvitation($input: SignUpWithInvitationInput!) {\n    signUpWithInvitation(input: $input) {\n      user {\n        email\n      }\n      organization {\n        id\n        name\n      }\n      role\n    }\n  }\n": typeof types.TeamSignUpWithInvitationDocument,
    "\n  mutation TeamAcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      organization {\n        id\n      }\n      role\n    }\n  }\n": typeof types.TeamAcceptInvitationDocument,
    "\n  query TeamMembers {\n    members {\n      id\n      email\n      role\n    }\n  }\n": typeof types.TeamMembersDocument,
    "\n  mutation TeamChangeRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      role\n    }\n  }\n": typeof types.TeamChangeRoleDocument,
    "\n  mutation TeamRemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      id\n    }\n  }\n": typeof types.TeamRemoveMemberDocument,
    "\n  mutation TeamLeave {\n    leaveOrganization {\n      id\n    }\n  }\n": typeof types.TeamLeaveDocument,
    "\n  query TeamMe {\n    me {\n      organization {\n        id\n        currency\n      }\n      role\n    }\n  }\n": typeof types.TeamMeDocument,
    "\n      mutation TeamResend($id: ID!) {\n        resendInvitation(id: $id) {\n          id\n        }\n      }\n    ": typeof types.TeamResendDocument,
    "\n      mutation TeamRevoke($id: ID!) {\n        revokeInvitation(id: $id) {\n          id\n        }\n      }\n    ": typeof types.TeamRevokeDocument,
    "\n        query TeamInvitations {\n          invitations {\n            id\n          }\n        }\n      ": typeof types.TeamInvitationsDocument,
    "\n      mutation TeamSignInWithInvitation($token: String!, $password: String!) {\n        signInWithInvitation(token: $token, password: $password) {\n          organization {\n            id\n          }\n          role\n        }\n      }\n    ": typeof types.TeamSignInWithInvitationDocument,
    "\n    mutation TeamUpdateOrganization($input: UpdateOrganizationInput!) {\n      updateOrganization(input: $input) {\n        currency\n      }\n    }\n  ": typeof types.TeamUpdateOrganizationDocument,
    "\n      query AttributionAttributionReports {\n        attributionReports(first: 5) {\n          edges {\n            cursor\n            node {\n              id\n              credits {\n                model\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    ": typeof types.AttributionAttributionReportsDocument,
    "\n      query AttributionAttributionReport($id: ID!) {\n        attributionReport(id: $id) {\n          id\n          credits {\n            model\n            totals {\n              conversions\n            }\n          }\n        }\n      }\n    ": typeof types.AttributionAttributionReportDocument,
    "\n      query AttributionAttributionReports2($after: String) {\n        attributionReports(first: 2, after: $after) {\n          edges {\n            node {\n              id\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    ": typeof types.AttributionAttributionReports2Document,
    "\n        query AttributionAttributionReports3 {\n          attributionReports {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      ": typeof types.AttributionAttributionReports3Document,
    "\n        query AttributionAttributionReport2($id: ID!) {\n          attributionReport(id: $id) {\n            id\n          }\n        }\n      ": typeof types.AttributionAttributionReport2Document,
    "\n        query AttributionAttributionReports4 {\n          attributionReports(after: \"bm9wZQ\") {\n            edges {\n              cursor\n            }\n          }\n        }\n      ": typeof types.AttributionAttributionReports4Document,
    "\n  mutation JourneysTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n      credits {\n        model\n        channels {\n          channel\n          conversions\n          value\n        }\n      }\n    }\n  }\n": typeof types.JourneysTrackJourneyDocument,
    "\n  query JourneysUsage {\n    usage {\n      attributionRuns {\n        used\n      }\n    }\n  }\n": typeof types.JourneysUsageDocument,
    "\n        query JourneysJourney($id: ID!) {\n          journey(id: $id) {\n            id\n            convertedAt\n            value\n            touches {\n              channel\n              at\n              milestone\n            }\n          }\n        }\n      ": typeof types.JourneysJourneyDocument,
    "\n        query JourneysJourney2($id: ID!) {\n          journey(id: $id) {\n            id\n          }\n        }\n      ": typeof types.JourneysJourney2Document,
    "\n  mutation PlanGatingTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      credits {\n        model\n      }\n    }\n  }\n": typeof types.PlanGatingTrackJourneyDocument,
    "\n      query TestFixturesUsedRuns {\n        usage {\n          attributionRuns {\n            used\n          }\n        }\n      }\n    ": typeof types.TestFixturesUsedRunsDocument,
    "\n  mutation TestFixturesRunAttribution($input: AttributionRunInput!) {\n    runAttribution(input: $input) {\n      id\n      models\n      from\n      to\n      lookbackDays\n      journeyCount\n      pathRowCount\n      durationMs\n      createdAt\n      credits {\n        model\n        channels {\n          channel\n          conversions\n          value\n        }\n        unattributed {\n          conversions\n          value\n        }\n        totals {\n          conversions\n          value\n        }\n      }\n    }\n  }\n": typeof types.TestFixturesRunAttributionDocument,
    "\n  mutation TestFixturesImportJourneys($csv: String!) {\n    importJourneys(csv: $csv) {\n      format\n      journeys\n      touches\n      conversions\n      value\n      nulls\n    }\n  }\n": typeof types.TestFixturesImportJourneysDocument,
    "\n  mutation CheckoutCreateCheckoutSession($tier: PlanTier!) {\n    createCheckoutSession(planTier: $tier) {\n      id\n      url\n    }\n  }\n": typeof types.CheckoutCreateCheckoutSessionDocument,
    "\n  mutation CheckoutCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n": typeof types.CheckoutCreatePortalSessionDocument,
    "\n        query CheckoutSubscription {\n          subscription {\n            stripeSubscriptionId\n            status\n            planTier\n            cancelAtPeriodEnd\n            currentPeriodEnd\n          }\n        }\n      ": typeof types.CheckoutSubscriptionDocument,
    "\n        mutation CheckoutChangePlan {\n          changePlan(planTier: SCALE) {\n            planTier\n            status\n            cancelAtPeriodEnd\n          }\n        }\n      ": typeof types.CheckoutChangePlanDocument,
    "\n        mutation CheckoutChangePlan2 {\n          changePlan(planTier: FREE) {\n            planTier\n            cancelAtPeriodEnd\n          }\n        }\n      ": typeof types.CheckoutChangePlan2Document,
    "\n  query CustomerDeletedBillingAccount {\n    billingAccount {\n      hasCustomer\n      canCheckout\n      subscription {\n        status\n        access\n      }\n    }\n  }\n": typeof types.CustomerDeletedBillingAccountDocument,
    "\n        mutation CustomerDeletedCreatePortalSession {\n          createPortalSession {\n            url\n          }\n        }\n      ": typeof types.CustomerDeletedCreatePortalSessionDocument,
    "\n  query DuplicateSubscriptionBillingIncidents {\n    billingIncidents {\n      id\n      kind\n      stripeSubscriptionId\n      keptStripeSubscriptionId\n      planTier\n      refundedCents\n      detail\n      createdAt\n    }\n  }\n": typeof types.DuplicateSubscriptionBillingIncidentsDocument,
    "\n      query InvoiceWebhooksOutbox {\n        outbox {\n          subject\n          body\n        }\n      }\n    ": typeof types.InvoiceWebhooksOutboxDocument,
    "\n  query LapsedBillingAccount {\n    billingAccount {\n      hasCustomer\n      canCheckout\n      subscription {\n        stripeSubscriptionId\n        status\n        planTier\n        access\n        grantsPlan\n        cancelAtPeriodEnd\n        cancelAt\n        currentPeriodEnd\n        graceEndsAt\n        openInvoiceUrl\n        actions\n      }\n    }\n  }\n": typeof types.LapsedBillingAccountDocument,
    "\n  mutation LapsedCreateCheckoutSession($tier: PlanTier!) {\n    createCheckoutSession(planTier: $tier) {\n      id\n      url\n    }\n  }\n": typeof types.LapsedCreateCheckoutSessionDocument,
    "\n  mutation LapsedCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n": typeof types.LapsedCreatePortalSessionDocument,
    "\n      query LapsedSubscription {\n        subscription {\n          stripeSubscriptionId\n          access\n        }\n      }\n    ": typeof types.LapsedSubscriptionDocument,
    "\n        mutation LapsedResumeSubscription {\n          resumeSubscription {\n            cancelAtPeriodEnd\n            cancelAt\n            actions\n          }\n        }\n      ": typeof types.LapsedResumeSubscriptionDocument,
    "\n        mutation LapsedResumeSubscription2 {\n          resumeSubscription {\n            id\n          }\n        }\n      ": typeof types.LapsedResumeSubscription2Document,
    "\n  mutation LifecycleTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n": typeof types.LifecycleTrackJourneyDocument,
    "\n  query LifecycleUsage {\n    usage {\n      attributionRuns {\n        used\n        limit\n        periodStart\n        periodEnd\n      }\n    }\n  }\n": typeof types.LifecycleUsageDocument,
    "\n      query LifecycleOutbox {\n        outbox {\n          to\n          subject\n          body\n          transport\n        }\n      }\n    ": typeof types.LifecycleOutboxDocument,
    "\n        mutation LifecycleChangePlan {\n          changePlan(planTier: PRO) {\n            planTier\n            cancelAtPeriodEnd\n            scheduledChange {\n              planTier\n            }\n          }\n        }\n      ": typeof types.LifecycleChangePlanDocument,
    "\n        query LifecycleSubscription {\n          subscription {\n            planTier\n            scheduledChange {\n              planTier\n            }\n          }\n        }\n      ": typeof types.LifecycleSubscriptionDocument,
    "\n        query LifecycleSubscription2 {\n          subscription {\n            status\n            planTier\n          }\n        }\n      ": typeof types.LifecycleSubscription2Document,
    "\n        mutation LifecycleCreatePortalSession {\n          createPortalSession {\n            url\n          }\n        }\n      ": typeof types.LifecycleCreatePortalSessionDocument,
    "\n            query LifecycleSubscription3 {\n              subscription {\n                status\n                cancelAtPeriodEnd\n              }\n            }\n          ": typeof types.LifecycleSubscription3Document,
    "\n            query LifecycleSubscription4 {\n              subscription {\n                status\n                access\n              }\n            }\n          ": typeof types.LifecycleSubscription4Document,
    "\n          mutation LifecycleCreateCheckoutSession {\n            createCheckoutSession(planTier: PRO) {\n              id\n              url\n            }\n          }\n        ": typeof types.LifecycleCreateCheckoutSessionDocument,
    "\n  query BillingOverviewBillingOverview {\n    billingOverview {\n      monthlyRecurringRevenueCents\n      activeSubscribers\n      subscribers {\n        planTier\n        count\n      }\n      churnedLast30Days\n    }\n  }\n": typeof types.BillingOverviewBillingOverviewDocument,
    "\n      query BillingOverviewMe {\n        me {\n          isOperator\n        }\n      }\n    ": typeof types.BillingOverviewMeDocument,
    "\n  fragment PlanChangesFields on BillingSubscription {\n    planTier\n    status\n    cancelAtPeriodEnd\n    currentPeriodEnd\n    scheduledChange {\n      planTier\n      effectiveAt\n    }\n    pendingChange {\n      planTier\n      invoiceUrl\n      expiresAt\n    }\n  }\n": typeof types.PlanChangesFieldsFragmentDoc,
    "\n  mutation PlanChangesChangePlan($tier: PlanTier!) {\n    changePlan(planTier: $tier) {\n      ...PlanChangesFields\n    }\n  }\n": typeof types.PlanChangesChangePlanDocument,
    "\n  mutation PlanChangesUndo {\n    undoScheduledPlanChange {\n      ...PlanChangesFields\n    }\n  }\n": typeof types.PlanChangesUndoDocument,
    "\n  query PlanChangesSubscription {\n    subscription {\n      ...PlanChangesFields\n    }\n  }\n": typeof types.PlanChangesSubscriptionDocument,
    "\n        query PlanChangesOutbox {\n          outbox {\n            subject\n            body\n          }\n        }\n      ": typeof types.PlanChangesOutboxDocument,
    "\n  mutation PortalCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n": typeof types.PortalCreatePortalSessionDocument,
    "\n        query ReconcileSchedulerSubscription {\n          subscription {\n            cancelAtPeriodEnd\n          }\n        }\n      ": typeof types.ReconcileSchedulerSubscriptionDocument,
    "\n          mutation StripePreflightCreateCheckoutSession {\n            createCheckoutSession(planTier: PRO) {\n              url\n            }\n          }\n        ": typeof types.StripePreflightCreateCheckoutSessionDocument,
    "\n          mutation StripePreflightCreateCheckoutSession2 {\n            createCheckoutSession(planTier: PRO) {\n              url\n            }\n          }\n        ": typeof types.StripePreflightCreateCheckoutSession2Document,
    "\n        query SubscriptionSnapshotBillingAccount {\n          billingAccount {\n            canCheckout\n            subscription {\n              id\n            }\n          }\n        }\n      ": typeof types.SubscriptionSnapshotBillingAccountDocument,
    "\n          mutation BillingTestKitCreateCheckoutSession($tier: PlanTier!) {\n            createCheckoutSession(planTier: $tier) {\n              id\n              url\n            }\n          }\n        ": typeof types.BillingTestKitCreateCheckoutSessionDocument,
    "\n          query BillingTestKitPlan {\n            plan {\n              tier\n              limits {\n                attributionRuns\n              }\n            }\n          }\n        ": typeof types.BillingTestKitPlanDocument,
    "\n  query WebhooksWebhookEvents {\n    webhookEvents {\n      id\n      type\n      status\n      attempts\n      result\n      error\n    }\n  }\n": typeof types.WebhooksWebhookEventsDocument,
    "\n        mutation WebhooksReplayWebhookEvent($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n            attempts\n            error\n          }\n        }\n      ": typeof types.WebhooksReplayWebhookEventDocument,
    "\n        mutation WebhooksReplayWebhookEvent2($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n          }\n        }\n      ": typeof types.WebhooksReplayWebhookEvent2Document,
    "\n        mutation WebhooksReplayWebhookEvent3($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n          }\n        }\n      ": typeof types.WebhooksReplayWebhookEvent3Document,
    "\n  mutation PlanLimitTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n": typeof types.PlanLimitTrackJourneyDocument,
    "\n  query PlanLimitUsage {\n    usage {\n      attributionRuns {\n        metric\n        used\n        limit\n        remaining\n        periodStart\n        periodEnd\n      }\n    }\n  }\n": typeof types.PlanLimitUsageDocument,
    "\n  mutation PlanLookupsTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n": typeof types.PlanLookupsTrackJourneyDocument,
    "\n  mutation PlanLookupsRunAttribution($input: AttributionRunInput!) {\n    runAttribution(input: $input) {\n      journeyCount\n    }\n  }\n": typeof types.PlanLookupsRunAttributionDocument,
    "\n          query PlanLookupsPlanUsage {\n            plan {\n              tier\n            }\n            usage {\n              attributionRuns {\n                used\n                limit\n              }\n            }\n          }\n        ": typeof types.PlanLookupsPlanUsageDocument,
    "\n        query PlansPlans {\n          plans {\n            tier\n            name\n            priceMonthlyCents\n            limits {\n              attributionRuns\n              models\n              lookbackDays\n              exports\n            }\n          }\n        }\n      ": typeof types.PlansPlansDocument,
    "\n        query PlansPlan {\n          plan {\n            tier\n          }\n        }\n      ": typeof types.PlansPlanDocument,
    "\n        query PlansPlanSubscription {\n          plan {\n            tier\n            limits {\n              lookbackDays\n              models\n            }\n          }\n          subscription {\n            id\n          }\n        }\n      ": typeof types.PlansPlanSubscriptionDocument,
    "\n        mutation SubscriptionPeriodTrackJourney($input: JourneyInput!) {\n          trackJourney(input: $input) {\n            credits {\n              model\n            }\n          }\n        }\n      ": typeof types.SubscriptionPeriodTrackJourneyDocument,
    "\n        query SubscriptionPeriodPlanUsage {\n          plan {\n            tier\n          }\n          usage {\n            attributionRuns {\n              used\n              limit\n              periodStart\n              periodEnd\n            }\n          }\n          subscription {\n            stripeSubscriptionId\n            planTier\n            currentPeriodEnd\n          }\n        }\n      ": typeof types.SubscriptionPeriodPlanUsageDocument,
    "\n  mutation UsageDailyTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n": typeof types.UsageDailyTrackJourneyDocument,
    "\n  query UsageDaily {\n    usage {\n      attributionRuns {\n        used\n        limit\n        daily {\n          date\n          used\n        }\n        projectedUsed\n        projectedToExceedOn\n      }\n    }\n  }\n": typeof types.UsageDailyDocument,
    "\n        query MailServiceOutbox {\n          outbox {\n            subject\n            transport\n            sentAt\n          }\n        }\n      ": typeof types.MailServiceOutboxDocument,
    "\n        query MailServiceOutbox2 {\n          outbox {\n            subject\n          }\n        }\n      ": typeof types.MailServiceOutbox2Document,
    "\n          mutation HarnessSignUp($input: SignUpInput!) {\n            signUp(input: $input) {\n              organization {\n                id\n              }\n            }\n          }\n        ": typeof types.HarnessSignUpDocument,
    "\n          mutation HarnessCreateApiKey($name: String!) {\n            createApiKey(name: $name) {\n              secret\n            }\n          }\n        ": typeof types.HarnessCreateApiKeyDocument,
};
const documents: Documents = {
    "\n        query HttpUsage {\n          usage {\n            attributionRuns {\n              used\n            }\n          }\n        }\n      ": types.HttpUsageDocument,
    "\n      query HttpPlans($tiers: [PlanTier!]) {\n        plans(tiers: $tiers) {\n          tier\n        }\n      }\n    ": types.HttpPlansDocument,
    "\n  mutation AccountsSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        email\n      }\n      organization {\n        id\n        name\n      }\n      role\n    }\n  }\n": types.AccountsSignUpDocument,
    "\n  mutation AccountsSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        email\n      }\n      role\n    }\n  }\n": types.AccountsSignInDocument,
    "\n  query AccountsMe {\n    me {\n      user {\n        email\n      }\n      organization {\n        id\n      }\n      role\n    }\n  }\n": types.AccountsMeDocument,
    "\n            mutation AccountsSignOut {\n              signOut\n            }\n          ": types.AccountsSignOutDocument,
    "\n    mutation AccountsCreateApiKey($name: String!) {\n      createApiKey(name: $name) {\n        secret\n        apiKey {\n          id\n          name\n          prefix\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  ": types.AccountsCreateApiKeyDocument,
    "\n        query AccountsApiKeys {\n          apiKeys {\n            id\n            lastUsedAt\n          }\n        }\n      ": types.AccountsApiKeysDocument,
    "\n        mutation AccountsRevokeApiKey($id: ID!) {\n          revokeApiKey(id: $id) {\n            revokedAt\n          }\n        }\n      ": types.AccountsRevokeApiKeyDocument,
    "\n        query AccountsUsage {\n          usage {\n            attributionRuns {\n              used\n            }\n          }\n        }\n      ": types.AccountsUsageDocument,
    "\n        mutation AccountsRevokeApiKey2($id: ID!) {\n          revokeApiKey(id: $id) {\n            id\n          }\n        }\n      ": types.AccountsRevokeApiKey2Document,
    "\n  mutation TeamInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      invitedByEmail\n      expiresAt\n      expired\n    }\n  }\n": types.TeamInviteDocument,
    "\n  query TeamInvitationPreview($token: String!) {\n    invitation(token: $token) {\n      status\n      organizationName\n      inviterEmail\n      email\n      role\n      accountExists\n    }\n  }\n": types.TeamInvitationPreviewDocument,
    "\n  mutation TeamSignUpWithInvitation($input: SignUpWithInvitationInput!) {\n    signUpWithInvitation(input: $input) {\n      user {\n        email\n      }\n      organization {\n        id\n        name\n      }\n      role\n    }\n  }\n": types.TeamSignUpWithInvitationDocument,
    "\n  mutation TeamAcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      organization {\n        id\n      }\n      role\n    }\n  }\n": types.TeamAcceptInvitationDocument,
    "\n  query TeamMembers {\n    members {\n      id\n      email\n      role\n    }\n  }\n": types.TeamMembersDocument,
    "\n  mutation TeamChangeRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      role\n    }\n  }\n": types.TeamChangeRoleDocument,
    "\n  mutation TeamRemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      id\n    }\n  }\n": types.TeamRemoveMemberDocument,
    "\n  mutation TeamLeave {\n    leaveOrganization {\n      id\n    }\n  }\n": types.TeamLeaveDocument,
    "\n  query TeamMe {\n    me {\n      organization {\n        id\n        currency\n      }\n      role\n    }\n  }\n": types.TeamMeDocument,
    "\n      mutation TeamResend($id: ID!) {\n        resendInvitation(id: $id) {\n          id\n        }\n      }\n    ": types.TeamResendDocument,
    "\n      mutation TeamRevoke($id: ID!) {\n        revokeInvitation(id: $id) {\n          id\n        }\n      }\n    ": types.TeamRevokeDocument,
    "\n        query TeamInvitations {\n          invitations {\n            id\n          }\n        }\n      ": types.TeamInvitationsDocument,
    "\n      mutation TeamSignInWithInvitation($token: String!, $password: String!) {\n        signInWithInvitation(token: $token, password: $password) {\n          organization {\n            id\n          }\n          role\n        }\n      }\n    ": types.TeamSignInWithInvitationDocument,
    "\n    mutation TeamUpdateOrganization($input: UpdateOrganizationInput!) {\n      updateOrganization(input: $input) {\n        currency\n      }\n    }\n  ": types.TeamUpdateOrganizationDocument,
    "\n      query AttributionAttributionReports {\n        attributionReports(first: 5) {\n          edges {\n            cursor\n            node {\n              id\n              credits {\n                model\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    ": types.AttributionAttributionReportsDocument,
    "\n      query AttributionAttributionReport($id: ID!) {\n        attributionReport(id: $id) {\n          id\n          credits {\n            model\n            totals {\n              conversions\n            }\n          }\n        }\n      }\n    ": types.AttributionAttributionReportDocument,
    "\n      query AttributionAttributionReports2($after: String) {\n        attributionReports(first: 2, after: $after) {\n          edges {\n            node {\n              id\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    ": types.AttributionAttributionReports2Document,
    "\n        query AttributionAttributionReports3 {\n          attributionReports {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      ": types.AttributionAttributionReports3Document,
    "\n        query AttributionAttributionReport2($id: ID!) {\n          attributionReport(id: $id) {\n            id\n          }\n        }\n      ": types.AttributionAttributionReport2Document,
    "\n        query AttributionAttributionReports4 {\n          attributionReports(after: \"bm9wZQ\") {\n            edges {\n              cursor\n            }\n          }\n        }\n      ": types.AttributionAttributionReports4Document,
    "\n  mutation JourneysTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n      credits {\n        model\n        channels {\n          channel\n          conversions\n          value\n        }\n      }\n    }\n  }\n": types.JourneysTrackJourneyDocument,
    "\n  query JourneysUsage {\n    usage {\n      attributionRuns {\n        used\n      }\n    }\n  }\n": types.JourneysUsageDocument,
    "\n        query JourneysJourney($id: ID!) {\n          journey(id: $id) {\n            id\n            convertedAt\n            value\n            touches {\n              channel\n              at\n              milestone\n            }\n          }\n        }\n      ": types.JourneysJourneyDocument,
    "\n        query JourneysJourney2($id: ID!) {\n          journey(id: $id) {\n            id\n          }\n        }\n      ": types.JourneysJourney2Document,
    "\n  mutation PlanGatingTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      credits {\n        model\n      }\n    }\n  }\n": types.PlanGatingTrackJourneyDocument,
    "\n      query TestFixturesUsedRuns {\n        usage {\n          attributionRuns {\n            used\n          }\n        }\n      }\n    ": types.TestFixturesUsedRunsDocument,
    "\n  mutation TestFixturesRunAttribution($input: AttributionRunInput!) {\n    runAttribution(input: $input) {\n      id\n      models\n      from\n      to\n      lookbackDays\n      journeyCount\n      pathRowCount\n      durationMs\n      createdAt\n      credits {\n        model\n        channels {\n          channel\n          conversions\n          value\n        }\n        unattributed {\n          conversions\n          value\n        }\n        totals {\n          conversions\n          value\n        }\n      }\n    }\n  }\n": types.TestFixturesRunAttributionDocument,
    "\n  mutation TestFixturesImportJourneys($csv: String!) {\n    importJourneys(csv: $csv) {\n      format\n      journeys\n      touches\n      conversions\n      value\n      nulls\n    }\n  }\n": types.TestFixturesImportJourneysDocument,
    "\n  mutation CheckoutCreateCheckoutSession($tier: PlanTier!) {\n    createCheckoutSession(planTier: $tier) {\n      id\n      url\n    }\n  }\n": types.CheckoutCreateCheckoutSessionDocument,
    "\n  mutation CheckoutCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n": types.CheckoutCreatePortalSessionDocument,
    "\n        query CheckoutSubscription {\n          subscription {\n            stripeSubscriptionId\n            status\n            planTier\n            cancelAtPeriodEnd\n            currentPeriodEnd\n          }\n        }\n      ": types.CheckoutSubscriptionDocument,
    "\n        mutation CheckoutChangePlan {\n          changePlan(planTier: SCALE) {\n            planTier\n            status\n            cancelAtPeriodEnd\n          }\n        }\n      ": types.CheckoutChangePlanDocument,
    "\n        mutation CheckoutChangePlan2 {\n          changePlan(planTier: FREE) {\n            planTier\n            cancelAtPeriodEnd\n          }\n        }\n      ": types.CheckoutChangePlan2Document,
    "\n  query CustomerDeletedBillingAccount {\n    billingAccount {\n      hasCustomer\n      canCheckout\n      subscription {\n        status\n        access\n      }\n    }\n  }\n": types.CustomerDeletedBillingAccountDocument,
    "\n        mutation CustomerDeletedCreatePortalSession {\n          createPortalSession {\n            url\n          }\n        }\n      ": types.CustomerDeletedCreatePortalSessionDocument,
    "\n  query DuplicateSubscriptionBillingIncidents {\n    billingIncidents {\n      id\n      kind\n      stripeSubscriptionId\n      keptStripeSubscriptionId\n      planTier\n      refundedCents\n      detail\n      createdAt\n    }\n  }\n": types.DuplicateSubscriptionBillingIncidentsDocument,
    "\n      query InvoiceWebhooksOutbox {\n        outbox {\n          subject\n          body\n        }\n      }\n    ": types.InvoiceWebhooksOutboxDocument,
    "\n  query LapsedBillingAccount {\n    billingAccount {\n      hasCustomer\n      canCheckout\n      subscription {\n        stripeSubscriptionId\n        status\n        planTier\n        access\n        grantsPlan\n        cancelAtPeriodEnd\n        cancelAt\n        currentPeriodEnd\n        graceEndsAt\n        openInvoiceUrl\n        actions\n      }\n    }\n  }\n": types.LapsedBillingAccountDocument,
    "\n  mutation LapsedCreateCheckoutSession($tier: PlanTier!) {\n    createCheckoutSession(planTier: $tier) {\n      id\n      url\n    }\n  }\n": types.LapsedCreateCheckoutSessionDocument,
    "\n  mutation LapsedCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n": types.LapsedCreatePortalSessionDocument,
    "\n      query LapsedSubscription {\n        subscription {\n          stripeSubscriptionId\n          access\n        }\n      }\n    ": types.LapsedSubscriptionDocument,
    "\n        mutation LapsedResumeSubscription {\n          resumeSubscription {\n            cancelAtPeriodEnd\n            cancelAt\n            actions\n          }\n        }\n      ": types.LapsedResumeSubscriptionDocument,
    "\n        mutation LapsedResumeSubscription2 {\n          resumeSubscription {\n            id\n          }\n        }\n      ": types.LapsedResumeSubscription2Document,
    "\n  mutation LifecycleTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n": types.LifecycleTrackJourneyDocument,
    "\n  query LifecycleUsage {\n    usage {\n      attributionRuns {\n        used\n        limit\n        periodStart\n        periodEnd\n      }\n    }\n  }\n": types.LifecycleUsageDocument,
    "\n      query LifecycleOutbox {\n        outbox {\n          to\n          subject\n          body\n          transport\n        }\n      }\n    ": types.LifecycleOutboxDocument,
    "\n        mutation LifecycleChangePlan {\n          changePlan(planTier: PRO) {\n            planTier\n            cancelAtPeriodEnd\n            scheduledChange {\n              planTier\n            }\n          }\n        }\n      ": types.LifecycleChangePlanDocument,
    "\n        query LifecycleSubscription {\n          subscription {\n            planTier\n            scheduledChange {\n              planTier\n            }\n          }\n        }\n      ": types.LifecycleSubscriptionDocument,
    "\n        query LifecycleSubscription2 {\n          subscription {\n            status\n            planTier\n          }\n        }\n      ": types.LifecycleSubscription2Document,
    "\n        mutation LifecycleCreatePortalSession {\n          createPortalSession {\n            url\n          }\n        }\n      ": types.LifecycleCreatePortalSessionDocument,
    "\n            query LifecycleSubscription3 {\n              subscription {\n                status\n                cancelAtPeriodEnd\n              }\n            }\n          ": types.LifecycleSubscription3Document,
    "\n            query LifecycleSubscription4 {\n              subscription {\n                status\n                access\n              }\n            }\n          ": types.LifecycleSubscription4Document,
    "\n          mutation LifecycleCreateCheckoutSession {\n            createCheckoutSession(planTier: PRO) {\n              id\n              url\n            }\n          }\n        ": types.LifecycleCreateCheckoutSessionDocument,
    "\n  query BillingOverviewBillingOverview {\n    billingOverview {\n      monthlyRecurringRevenueCents\n      activeSubscribers\n      subscribers {\n        planTier\n        count\n      }\n      churnedLast30Days\n    }\n  }\n": types.BillingOverviewBillingOverviewDocument,
    "\n      query BillingOverviewMe {\n        me {\n          isOperator\n        }\n      }\n    ": types.BillingOverviewMeDocument,
    "\n  fragment PlanChangesFields on BillingSubscription {\n    planTier\n    status\n    cancelAtPeriodEnd\n    currentPeriodEnd\n    scheduledChange {\n      planTier\n      effectiveAt\n    }\n    pendingChange {\n      planTier\n      invoiceUrl\n      expiresAt\n    }\n  }\n": types.PlanChangesFieldsFragmentDoc,
    "\n  mutation PlanChangesChangePlan($tier: PlanTier!) {\n    changePlan(planTier: $tier) {\n      ...PlanChangesFields\n    }\n  }\n": types.PlanChangesChangePlanDocument,
    "\n  mutation PlanChangesUndo {\n    undoScheduledPlanChange {\n      ...PlanChangesFields\n    }\n  }\n": types.PlanChangesUndoDocument,
    "\n  query PlanChangesSubscription {\n    subscription {\n      ...PlanChangesFields\n    }\n  }\n": types.PlanChangesSubscriptionDocument,
    "\n        query PlanChangesOutbox {\n          outbox {\n            subject\n            body\n          }\n        }\n      ": types.PlanChangesOutboxDocument,
    "\n  mutation PortalCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n": types.PortalCreatePortalSessionDocument,
    "\n        query ReconcileSchedulerSubscription {\n          subscription {\n            cancelAtPeriodEnd\n          }\n        }\n      ": types.ReconcileSchedulerSubscriptionDocument,
    "\n          mutation StripePreflightCreateCheckoutSession {\n            createCheckoutSession(planTier: PRO) {\n              url\n            }\n          }\n        ": types.StripePreflightCreateCheckoutSessionDocument,
    "\n          mutation StripePreflightCreateCheckoutSession2 {\n            createCheckoutSession(planTier: PRO) {\n              url\n            }\n          }\n        ": types.StripePreflightCreateCheckoutSession2Document,
    "\n        query SubscriptionSnapshotBillingAccount {\n          billingAccount {\n            canCheckout\n            subscription {\n              id\n            }\n          }\n        }\n      ": types.SubscriptionSnapshotBillingAccountDocument,
    "\n          mutation BillingTestKitCreateCheckoutSession($tier: PlanTier!) {\n            createCheckoutSession(planTier: $tier) {\n              id\n              url\n            }\n          }\n        ": types.BillingTestKitCreateCheckoutSessionDocument,
    "\n          query BillingTestKitPlan {\n            plan {\n              tier\n              limits {\n                attributionRuns\n              }\n            }\n          }\n        ": types.BillingTestKitPlanDocument,
    "\n  query WebhooksWebhookEvents {\n    webhookEvents {\n      id\n      type\n      status\n      attempts\n      result\n      error\n    }\n  }\n": types.WebhooksWebhookEventsDocument,
    "\n        mutation WebhooksReplayWebhookEvent($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n            attempts\n            error\n          }\n        }\n      ": types.WebhooksReplayWebhookEventDocument,
    "\n        mutation WebhooksReplayWebhookEvent2($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n          }\n        }\n      ": types.WebhooksReplayWebhookEvent2Document,
    "\n        mutation WebhooksReplayWebhookEvent3($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n          }\n        }\n      ": types.WebhooksReplayWebhookEvent3Document,
    "\n  mutation PlanLimitTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n": types.PlanLimitTrackJourneyDocument,
    "\n  query PlanLimitUsage {\n    usage {\n      attributionRuns {\n        metric\n        used\n        limit\n        remaining\n        periodStart\n        periodEnd\n      }\n    }\n  }\n": types.PlanLimitUsageDocument,
    "\n  mutation PlanLookupsTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n": types.PlanLookupsTrackJourneyDocument,
    "\n  mutation PlanLookupsRunAttribution($input: AttributionRunInput!) {\n    runAttribution(input: $input) {\n      journeyCount\n    }\n  }\n": types.PlanLookupsRunAttributionDocument,
    "\n          query PlanLookupsPlanUsage {\n            plan {\n              tier\n            }\n            usage {\n              attributionRuns {\n                used\n                limit\n              }\n            }\n          }\n        ": types.PlanLookupsPlanUsageDocument,
    "\n        query PlansPlans {\n          plans {\n            tier\n            name\n            priceMonthlyCents\n            limits {\n              attributionRuns\n              models\n              lookbackDays\n              exports\n            }\n          }\n        }\n      ": types.PlansPlansDocument,
    "\n        query PlansPlan {\n          plan {\n            tier\n          }\n        }\n      ": types.PlansPlanDocument,
    "\n        query PlansPlanSubscription {\n          plan {\n            tier\n            limits {\n              lookbackDays\n              models\n            }\n          }\n          subscription {\n            id\n          }\n        }\n      ": types.PlansPlanSubscriptionDocument,
    "\n        mutation SubscriptionPeriodTrackJourney($input: JourneyInput!) {\n          trackJourney(input: $input) {\n            credits {\n              model\n            }\n          }\n        }\n      ": types.SubscriptionPeriodTrackJourneyDocument,
    "\n        query SubscriptionPeriodPlanUsage {\n          plan {\n            tier\n          }\n          usage {\n            attributionRuns {\n              used\n              limit\n              periodStart\n              periodEnd\n            }\n          }\n          subscription {\n            stripeSubscriptionId\n            planTier\n            currentPeriodEnd\n          }\n        }\n      ": types.SubscriptionPeriodPlanUsageDocument,
    "\n  mutation UsageDailyTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n": types.UsageDailyTrackJourneyDocument,
    "\n  query UsageDaily {\n    usage {\n      attributionRuns {\n        used\n        limit\n        daily {\n          date\n          used\n        }\n        projectedUsed\n        projectedToExceedOn\n      }\n    }\n  }\n": types.UsageDailyDocument,
    "\n        query MailServiceOutbox {\n          outbox {\n            subject\n            transport\n            sentAt\n          }\n        }\n      ": types.MailServiceOutboxDocument,
    "\n        query MailServiceOutbox2 {\n          outbox {\n            subject\n          }\n        }\n      ": types.MailServiceOutbox2Document,
    "\n          mutation HarnessSignUp($input: SignUpInput!) {\n            signUp(input: $input) {\n              organization {\n                id\n              }\n            }\n          }\n        ": types.HarnessSignUpDocument,
    "\n          mutation HarnessCreateApiKey($name: String!) {\n            createApiKey(name: $name) {\n              secret\n            }\n          }\n        ": types.HarnessCreateApiKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query HttpUsage {\n          usage {\n            attributionRuns {\n              used\n            }\n          }\n        }\n      "): (typeof documents)["\n        query HttpUsage {\n          usage {\n            attributionRuns {\n              used\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query HttpPlans($tiers: [PlanTier!]) {\n        plans(tiers: $tiers) {\n          tier\n        }\n      }\n    "): (typeof documents)["\n      query HttpPlans($tiers: [PlanTier!]) {\n        plans(tiers: $tiers) {\n          tier\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountsSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        email\n      }\n      organization {\n        id\n        name\n      }\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation AccountsSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        email\n      }\n      organization {\n        id\n        name\n      }\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountsSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        email\n      }\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation AccountsSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        email\n      }\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountsMe {\n    me {\n      user {\n        email\n      }\n      organization {\n        id\n      }\n      role\n    }\n  }\n"): (typeof documents)["\n  query AccountsMe {\n    me {\n      user {\n        email\n      }\n      organization {\n        id\n      }\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation AccountsSignOut {\n              signOut\n            }\n          "): (typeof documents)["\n            mutation AccountsSignOut {\n              signOut\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AccountsCreateApiKey($name: String!) {\n      createApiKey(name: $name) {\n        secret\n        apiKey {\n          id\n          name\n          prefix\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AccountsCreateApiKey($name: String!) {\n      createApiKey(name: $name) {\n        secret\n        apiKey {\n          id\n          name\n          prefix\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query AccountsApiKeys {\n          apiKeys {\n            id\n            lastUsedAt\n          }\n        }\n      "): (typeof documents)["\n        query AccountsApiKeys {\n          apiKeys {\n            id\n            lastUsedAt\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AccountsRevokeApiKey($id: ID!) {\n          revokeApiKey(id: $id) {\n            revokedAt\n          }\n        }\n      "): (typeof documents)["\n        mutation AccountsRevokeApiKey($id: ID!) {\n          revokeApiKey(id: $id) {\n            revokedAt\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query AccountsUsage {\n          usage {\n            attributionRuns {\n              used\n            }\n          }\n        }\n      "): (typeof documents)["\n        query AccountsUsage {\n          usage {\n            attributionRuns {\n              used\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AccountsRevokeApiKey2($id: ID!) {\n          revokeApiKey(id: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation AccountsRevokeApiKey2($id: ID!) {\n          revokeApiKey(id: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      invitedByEmail\n      expiresAt\n      expired\n    }\n  }\n"): (typeof documents)["\n  mutation TeamInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      invitedByEmail\n      expiresAt\n      expired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamInvitationPreview($token: String!) {\n    invitation(token: $token) {\n      status\n      organizationName\n      inviterEmail\n      email\n      role\n      accountExists\n    }\n  }\n"): (typeof documents)["\n  query TeamInvitationPreview($token: String!) {\n    invitation(token: $token) {\n      status\n      organizationName\n      inviterEmail\n      email\n      role\n      accountExists\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamSignUpWithInvitation($input: SignUpWithInvitationInput!) {\n    signUpWithInvitation(input: $input) {\n      user {\n        email\n      }\n      organization {\n        id\n        name\n      }\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation TeamSignUpWithInvitation($input: SignUpWithInvitationInput!) {\n    signUpWithInvitation(input: $input) {\n      user {\n        email\n      }\n      organization {\n        id\n        name\n      }\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamAcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      organization {\n        id\n      }\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation TeamAcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      organization {\n        id\n      }\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamMembers {\n    members {\n      id\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  query TeamMembers {\n    members {\n      id\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamChangeRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation TeamChangeRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamRemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TeamRemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamLeave {\n    leaveOrganization {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TeamLeave {\n    leaveOrganization {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamMe {\n    me {\n      organization {\n        id\n        currency\n      }\n      role\n    }\n  }\n"): (typeof documents)["\n  query TeamMe {\n    me {\n      organization {\n        id\n        currency\n      }\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation TeamResend($id: ID!) {\n        resendInvitation(id: $id) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation TeamResend($id: ID!) {\n        resendInvitation(id: $id) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation TeamRevoke($id: ID!) {\n        revokeInvitation(id: $id) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation TeamRevoke($id: ID!) {\n        revokeInvitation(id: $id) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query TeamInvitations {\n          invitations {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query TeamInvitations {\n          invitations {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation TeamSignInWithInvitation($token: String!, $password: String!) {\n        signInWithInvitation(token: $token, password: $password) {\n          organization {\n            id\n          }\n          role\n        }\n      }\n    "): (typeof documents)["\n      mutation TeamSignInWithInvitation($token: String!, $password: String!) {\n        signInWithInvitation(token: $token, password: $password) {\n          organization {\n            id\n          }\n          role\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation TeamUpdateOrganization($input: UpdateOrganizationInput!) {\n      updateOrganization(input: $input) {\n        currency\n      }\n    }\n  "): (typeof documents)["\n    mutation TeamUpdateOrganization($input: UpdateOrganizationInput!) {\n      updateOrganization(input: $input) {\n        currency\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AttributionAttributionReports {\n        attributionReports(first: 5) {\n          edges {\n            cursor\n            node {\n              id\n              credits {\n                model\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    "): (typeof documents)["\n      query AttributionAttributionReports {\n        attributionReports(first: 5) {\n          edges {\n            cursor\n            node {\n              id\n              credits {\n                model\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AttributionAttributionReport($id: ID!) {\n        attributionReport(id: $id) {\n          id\n          credits {\n            model\n            totals {\n              conversions\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      query AttributionAttributionReport($id: ID!) {\n        attributionReport(id: $id) {\n          id\n          credits {\n            model\n            totals {\n              conversions\n            }\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AttributionAttributionReports2($after: String) {\n        attributionReports(first: 2, after: $after) {\n          edges {\n            node {\n              id\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    "): (typeof documents)["\n      query AttributionAttributionReports2($after: String) {\n        attributionReports(first: 2, after: $after) {\n          edges {\n            node {\n              id\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query AttributionAttributionReports3 {\n          attributionReports {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query AttributionAttributionReports3 {\n          attributionReports {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query AttributionAttributionReport2($id: ID!) {\n          attributionReport(id: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query AttributionAttributionReport2($id: ID!) {\n          attributionReport(id: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query AttributionAttributionReports4 {\n          attributionReports(after: \"bm9wZQ\") {\n            edges {\n              cursor\n            }\n          }\n        }\n      "): (typeof documents)["\n        query AttributionAttributionReports4 {\n          attributionReports(after: \"bm9wZQ\") {\n            edges {\n              cursor\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JourneysTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n      credits {\n        model\n        channels {\n          channel\n          conversions\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JourneysTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n      credits {\n        model\n        channels {\n          channel\n          conversions\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneysUsage {\n    usage {\n      attributionRuns {\n        used\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneysUsage {\n    usage {\n      attributionRuns {\n        used\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query JourneysJourney($id: ID!) {\n          journey(id: $id) {\n            id\n            convertedAt\n            value\n            touches {\n              channel\n              at\n              milestone\n            }\n          }\n        }\n      "): (typeof documents)["\n        query JourneysJourney($id: ID!) {\n          journey(id: $id) {\n            id\n            convertedAt\n            value\n            touches {\n              channel\n              at\n              milestone\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query JourneysJourney2($id: ID!) {\n          journey(id: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query JourneysJourney2($id: ID!) {\n          journey(id: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanGatingTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      credits {\n        model\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PlanGatingTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      credits {\n        model\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query TestFixturesUsedRuns {\n        usage {\n          attributionRuns {\n            used\n          }\n        }\n      }\n    "): (typeof documents)["\n      query TestFixturesUsedRuns {\n        usage {\n          attributionRuns {\n            used\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestFixturesRunAttribution($input: AttributionRunInput!) {\n    runAttribution(input: $input) {\n      id\n      models\n      from\n      to\n      lookbackDays\n      journeyCount\n      pathRowCount\n      durationMs\n      createdAt\n      credits {\n        model\n        channels {\n          channel\n          conversions\n          value\n        }\n        unattributed {\n          conversions\n          value\n        }\n        totals {\n          conversions\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestFixturesRunAttribution($input: AttributionRunInput!) {\n    runAttribution(input: $input) {\n      id\n      models\n      from\n      to\n      lookbackDays\n      journeyCount\n      pathRowCount\n      durationMs\n      createdAt\n      credits {\n        model\n        channels {\n          channel\n          conversions\n          value\n        }\n        unattributed {\n          conversions\n          value\n        }\n        totals {\n          conversions\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestFixturesImportJourneys($csv: String!) {\n    importJourneys(csv: $csv) {\n      format\n      journeys\n      touches\n      conversions\n      value\n      nulls\n    }\n  }\n"): (typeof documents)["\n  mutation TestFixturesImportJourneys($csv: String!) {\n    importJourneys(csv: $csv) {\n      format\n      journeys\n      touches\n      conversions\n      value\n      nulls\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckoutCreateCheckoutSession($tier: PlanTier!) {\n    createCheckoutSession(planTier: $tier) {\n      id\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation CheckoutCreateCheckoutSession($tier: PlanTier!) {\n    createCheckoutSession(planTier: $tier) {\n      id\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckoutCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation CheckoutCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query CheckoutSubscription {\n          subscription {\n            stripeSubscriptionId\n            status\n            planTier\n            cancelAtPeriodEnd\n            currentPeriodEnd\n          }\n        }\n      "): (typeof documents)["\n        query CheckoutSubscription {\n          subscription {\n            stripeSubscriptionId\n            status\n            planTier\n            cancelAtPeriodEnd\n            currentPeriodEnd\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CheckoutChangePlan {\n          changePlan(planTier: SCALE) {\n            planTier\n            status\n            cancelAtPeriodEnd\n          }\n        }\n      "): (typeof documents)["\n        mutation CheckoutChangePlan {\n          changePlan(planTier: SCALE) {\n            planTier\n            status\n            cancelAtPeriodEnd\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CheckoutChangePlan2 {\n          changePlan(planTier: FREE) {\n            planTier\n            cancelAtPeriodEnd\n          }\n        }\n      "): (typeof documents)["\n        mutation CheckoutChangePlan2 {\n          changePlan(planTier: FREE) {\n            planTier\n            cancelAtPeriodEnd\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerDeletedBillingAccount {\n    billingAccount {\n      hasCustomer\n      canCheckout\n      subscription {\n        status\n        access\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerDeletedBillingAccount {\n    billingAccount {\n      hasCustomer\n      canCheckout\n      subscription {\n        status\n        access\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CustomerDeletedCreatePortalSession {\n          createPortalSession {\n            url\n          }\n        }\n      "): (typeof documents)["\n        mutation CustomerDeletedCreatePortalSession {\n          createPortalSession {\n            url\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateSubscriptionBillingIncidents {\n    billingIncidents {\n      id\n      kind\n      stripeSubscriptionId\n      keptStripeSubscriptionId\n      planTier\n      refundedCents\n      detail\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query DuplicateSubscriptionBillingIncidents {\n    billingIncidents {\n      id\n      kind\n      stripeSubscriptionId\n      keptStripeSubscriptionId\n      planTier\n      refundedCents\n      detail\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query InvoiceWebhooksOutbox {\n        outbox {\n          subject\n          body\n        }\n      }\n    "): (typeof documents)["\n      query InvoiceWebhooksOutbox {\n        outbox {\n          subject\n          body\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LapsedBillingAccount {\n    billingAccount {\n      hasCustomer\n      canCheckout\n      subscription {\n        stripeSubscriptionId\n        status\n        planTier\n        access\n        grantsPlan\n        cancelAtPeriodEnd\n        cancelAt\n        currentPeriodEnd\n        graceEndsAt\n        openInvoiceUrl\n        actions\n      }\n    }\n  }\n"): (typeof documents)["\n  query LapsedBillingAccount {\n    billingAccount {\n      hasCustomer\n      canCheckout\n      subscription {\n        stripeSubscriptionId\n        status\n        planTier\n        access\n        grantsPlan\n        cancelAtPeriodEnd\n        cancelAt\n        currentPeriodEnd\n        graceEndsAt\n        openInvoiceUrl\n        actions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LapsedCreateCheckoutSession($tier: PlanTier!) {\n    createCheckoutSession(planTier: $tier) {\n      id\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation LapsedCreateCheckoutSession($tier: PlanTier!) {\n    createCheckoutSession(planTier: $tier) {\n      id\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LapsedCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation LapsedCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query LapsedSubscription {\n        subscription {\n          stripeSubscriptionId\n          access\n        }\n      }\n    "): (typeof documents)["\n      query LapsedSubscription {\n        subscription {\n          stripeSubscriptionId\n          access\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation LapsedResumeSubscription {\n          resumeSubscription {\n            cancelAtPeriodEnd\n            cancelAt\n            actions\n          }\n        }\n      "): (typeof documents)["\n        mutation LapsedResumeSubscription {\n          resumeSubscription {\n            cancelAtPeriodEnd\n            cancelAt\n            actions\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation LapsedResumeSubscription2 {\n          resumeSubscription {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation LapsedResumeSubscription2 {\n          resumeSubscription {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LifecycleTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n"): (typeof documents)["\n  mutation LifecycleTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LifecycleUsage {\n    usage {\n      attributionRuns {\n        used\n        limit\n        periodStart\n        periodEnd\n      }\n    }\n  }\n"): (typeof documents)["\n  query LifecycleUsage {\n    usage {\n      attributionRuns {\n        used\n        limit\n        periodStart\n        periodEnd\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query LifecycleOutbox {\n        outbox {\n          to\n          subject\n          body\n          transport\n        }\n      }\n    "): (typeof documents)["\n      query LifecycleOutbox {\n        outbox {\n          to\n          subject\n          body\n          transport\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation LifecycleChangePlan {\n          changePlan(planTier: PRO) {\n            planTier\n            cancelAtPeriodEnd\n            scheduledChange {\n              planTier\n            }\n          }\n        }\n      "): (typeof documents)["\n        mutation LifecycleChangePlan {\n          changePlan(planTier: PRO) {\n            planTier\n            cancelAtPeriodEnd\n            scheduledChange {\n              planTier\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query LifecycleSubscription {\n          subscription {\n            planTier\n            scheduledChange {\n              planTier\n            }\n          }\n        }\n      "): (typeof documents)["\n        query LifecycleSubscription {\n          subscription {\n            planTier\n            scheduledChange {\n              planTier\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query LifecycleSubscription2 {\n          subscription {\n            status\n            planTier\n          }\n        }\n      "): (typeof documents)["\n        query LifecycleSubscription2 {\n          subscription {\n            status\n            planTier\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation LifecycleCreatePortalSession {\n          createPortalSession {\n            url\n          }\n        }\n      "): (typeof documents)["\n        mutation LifecycleCreatePortalSession {\n          createPortalSession {\n            url\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query LifecycleSubscription3 {\n              subscription {\n                status\n                cancelAtPeriodEnd\n              }\n            }\n          "): (typeof documents)["\n            query LifecycleSubscription3 {\n              subscription {\n                status\n                cancelAtPeriodEnd\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query LifecycleSubscription4 {\n              subscription {\n                status\n                access\n              }\n            }\n          "): (typeof documents)["\n            query LifecycleSubscription4 {\n              subscription {\n                status\n                access\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation LifecycleCreateCheckoutSession {\n            createCheckoutSession(planTier: PRO) {\n              id\n              url\n            }\n          }\n        "): (typeof documents)["\n          mutation LifecycleCreateCheckoutSession {\n            createCheckoutSession(planTier: PRO) {\n              id\n              url\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingOverviewBillingOverview {\n    billingOverview {\n      monthlyRecurringRevenueCents\n      activeSubscribers\n      subscribers {\n        planTier\n        count\n      }\n      churnedLast30Days\n    }\n  }\n"): (typeof documents)["\n  query BillingOverviewBillingOverview {\n    billingOverview {\n      monthlyRecurringRevenueCents\n      activeSubscribers\n      subscribers {\n        planTier\n        count\n      }\n      churnedLast30Days\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BillingOverviewMe {\n        me {\n          isOperator\n        }\n      }\n    "): (typeof documents)["\n      query BillingOverviewMe {\n        me {\n          isOperator\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanChangesFields on BillingSubscription {\n    planTier\n    status\n    cancelAtPeriodEnd\n    currentPeriodEnd\n    scheduledChange {\n      planTier\n      effectiveAt\n    }\n    pendingChange {\n      planTier\n      invoiceUrl\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  fragment PlanChangesFields on BillingSubscription {\n    planTier\n    status\n    cancelAtPeriodEnd\n    currentPeriodEnd\n    scheduledChange {\n      planTier\n      effectiveAt\n    }\n    pendingChange {\n      planTier\n      invoiceUrl\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanChangesChangePlan($tier: PlanTier!) {\n    changePlan(planTier: $tier) {\n      ...PlanChangesFields\n    }\n  }\n"): (typeof documents)["\n  mutation PlanChangesChangePlan($tier: PlanTier!) {\n    changePlan(planTier: $tier) {\n      ...PlanChangesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanChangesUndo {\n    undoScheduledPlanChange {\n      ...PlanChangesFields\n    }\n  }\n"): (typeof documents)["\n  mutation PlanChangesUndo {\n    undoScheduledPlanChange {\n      ...PlanChangesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanChangesSubscription {\n    subscription {\n      ...PlanChangesFields\n    }\n  }\n"): (typeof documents)["\n  query PlanChangesSubscription {\n    subscription {\n      ...PlanChangesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PlanChangesOutbox {\n          outbox {\n            subject\n            body\n          }\n        }\n      "): (typeof documents)["\n        query PlanChangesOutbox {\n          outbox {\n            subject\n            body\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation PortalCreatePortalSession {\n    createPortalSession {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ReconcileSchedulerSubscription {\n          subscription {\n            cancelAtPeriodEnd\n          }\n        }\n      "): (typeof documents)["\n        query ReconcileSchedulerSubscription {\n          subscription {\n            cancelAtPeriodEnd\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation StripePreflightCreateCheckoutSession {\n            createCheckoutSession(planTier: PRO) {\n              url\n            }\n          }\n        "): (typeof documents)["\n          mutation StripePreflightCreateCheckoutSession {\n            createCheckoutSession(planTier: PRO) {\n              url\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation StripePreflightCreateCheckoutSession2 {\n            createCheckoutSession(planTier: PRO) {\n              url\n            }\n          }\n        "): (typeof documents)["\n          mutation StripePreflightCreateCheckoutSession2 {\n            createCheckoutSession(planTier: PRO) {\n              url\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SubscriptionSnapshotBillingAccount {\n          billingAccount {\n            canCheckout\n            subscription {\n              id\n            }\n          }\n        }\n      "): (typeof documents)["\n        query SubscriptionSnapshotBillingAccount {\n          billingAccount {\n            canCheckout\n            subscription {\n              id\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation BillingTestKitCreateCheckoutSession($tier: PlanTier!) {\n            createCheckoutSession(planTier: $tier) {\n              id\n              url\n            }\n          }\n        "): (typeof documents)["\n          mutation BillingTestKitCreateCheckoutSession($tier: PlanTier!) {\n            createCheckoutSession(planTier: $tier) {\n              id\n              url\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query BillingTestKitPlan {\n            plan {\n              tier\n              limits {\n                attributionRuns\n              }\n            }\n          }\n        "): (typeof documents)["\n          query BillingTestKitPlan {\n            plan {\n              tier\n              limits {\n                attributionRuns\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksWebhookEvents {\n    webhookEvents {\n      id\n      type\n      status\n      attempts\n      result\n      error\n    }\n  }\n"): (typeof documents)["\n  query WebhooksWebhookEvents {\n    webhookEvents {\n      id\n      type\n      status\n      attempts\n      result\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation WebhooksReplayWebhookEvent($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n            attempts\n            error\n          }\n        }\n      "): (typeof documents)["\n        mutation WebhooksReplayWebhookEvent($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n            attempts\n            error\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation WebhooksReplayWebhookEvent2($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n          }\n        }\n      "): (typeof documents)["\n        mutation WebhooksReplayWebhookEvent2($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation WebhooksReplayWebhookEvent3($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n          }\n        }\n      "): (typeof documents)["\n        mutation WebhooksReplayWebhookEvent3($id: ID!) {\n          replayWebhookEvent(id: $id) {\n            status\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanLimitTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n"): (typeof documents)["\n  mutation PlanLimitTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanLimitUsage {\n    usage {\n      attributionRuns {\n        metric\n        used\n        limit\n        remaining\n        periodStart\n        periodEnd\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanLimitUsage {\n    usage {\n      attributionRuns {\n        metric\n        used\n        limit\n        remaining\n        periodStart\n        periodEnd\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanLookupsTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n"): (typeof documents)["\n  mutation PlanLookupsTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanLookupsRunAttribution($input: AttributionRunInput!) {\n    runAttribution(input: $input) {\n      journeyCount\n    }\n  }\n"): (typeof documents)["\n  mutation PlanLookupsRunAttribution($input: AttributionRunInput!) {\n    runAttribution(input: $input) {\n      journeyCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query PlanLookupsPlanUsage {\n            plan {\n              tier\n            }\n            usage {\n              attributionRuns {\n                used\n                limit\n              }\n            }\n          }\n        "): (typeof documents)["\n          query PlanLookupsPlanUsage {\n            plan {\n              tier\n            }\n            usage {\n              attributionRuns {\n                used\n                limit\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PlansPlans {\n          plans {\n            tier\n            name\n            priceMonthlyCents\n            limits {\n              attributionRuns\n              models\n              lookbackDays\n              exports\n            }\n          }\n        }\n      "): (typeof documents)["\n        query PlansPlans {\n          plans {\n            tier\n            name\n            priceMonthlyCents\n            limits {\n              attributionRuns\n              models\n              lookbackDays\n              exports\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PlansPlan {\n          plan {\n            tier\n          }\n        }\n      "): (typeof documents)["\n        query PlansPlan {\n          plan {\n            tier\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PlansPlanSubscription {\n          plan {\n            tier\n            limits {\n              lookbackDays\n              models\n            }\n          }\n          subscription {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query PlansPlanSubscription {\n          plan {\n            tier\n            limits {\n              lookbackDays\n              models\n            }\n          }\n          subscription {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation SubscriptionPeriodTrackJourney($input: JourneyInput!) {\n          trackJourney(input: $input) {\n            credits {\n              model\n            }\n          }\n        }\n      "): (typeof documents)["\n        mutation SubscriptionPeriodTrackJourney($input: JourneyInput!) {\n          trackJourney(input: $input) {\n            credits {\n              model\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SubscriptionPeriodPlanUsage {\n          plan {\n            tier\n          }\n          usage {\n            attributionRuns {\n              used\n              limit\n              periodStart\n              periodEnd\n            }\n          }\n          subscription {\n            stripeSubscriptionId\n            planTier\n            currentPeriodEnd\n          }\n        }\n      "): (typeof documents)["\n        query SubscriptionPeriodPlanUsage {\n          plan {\n            tier\n          }\n          usage {\n            attributionRuns {\n              used\n              limit\n              periodStart\n              periodEnd\n            }\n          }\n          subscription {\n            stripeSubscriptionId\n            planTier\n            currentPeriodEnd\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UsageDailyTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n"): (typeof documents)["\n  mutation UsageDailyTrackJourney($input: JourneyInput!) {\n    trackJourney(input: $input) {\n      journeyId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageDaily {\n    usage {\n      attributionRuns {\n        used\n        limit\n        daily {\n          date\n          used\n        }\n        projectedUsed\n        projectedToExceedOn\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageDaily {\n    usage {\n      attributionRuns {\n        used\n        limit\n        daily {\n          date\n          used\n        }\n        projectedUsed\n        projectedToExceedOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query MailServiceOutbox {\n          outbox {\n            subject\n            transport\n            sentAt\n          }\n        }\n      "): (typeof documents)["\n        query MailServiceOutbox {\n          outbox {\n            subject\n            transport\n            sentAt\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query MailServiceOutbox2 {\n          outbox {\n            subject\n          }\n        }\n      "): (typeof documents)["\n        query MailServiceOutbox2 {\n          outbox {\n            subject\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation HarnessSignUp($input: SignUpInput!) {\n            signUp(input: $input) {\n              organization {\n                id\n              }\n            }\n          }\n        "): (typeof documents)["\n          mutation HarnessSignUp($input: SignUpInput!) {\n            signUp(input: $input) {\n              organization {\n                id\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation HarnessCreateApiKey($name: String!) {\n            createApiKey(name: $name) {\n              secret\n            }\n          }\n        "): (typeof documents)["\n          mutation HarnessCreateApiKey($name: String!) {\n            createApiKey(name: $name) {\n              secret\n            }\n          }\n        "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;