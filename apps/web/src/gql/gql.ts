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
    "query WebhookEvents($limit: Int) {\n  webhookEvents(limit: $limit) {\n    id\n    type\n    status\n    attempts\n    result\n    error\n    receivedAt\n    updatedAt\n  }\n}\n\nmutation ReplayWebhookEvent($id: ID!) {\n  replayWebhookEvent(id: $id) {\n    id\n    status\n    attempts\n    result\n    error\n    updatedAt\n  }\n}\n\nquery Outbox($limit: Int) {\n  outbox(limit: $limit) {\n    id\n    to\n    subject\n    body\n    transport\n    createdAt\n    sentAt\n  }\n}": typeof types.WebhookEventsDocument,
    "query ApiKeys {\n  apiKeys {\n    ...ApiKeyFields\n  }\n}\n\nmutation CreateApiKey($name: String!) {\n  createApiKey(name: $name) {\n    secret\n    apiKey {\n      ...ApiKeyFields\n    }\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyFields\n  }\n}\n\nfragment ApiKeyFields on ApiKey {\n  id\n  name\n  prefix\n  createdAt\n  lastUsedAt\n  revokedAt\n}": typeof types.ApiKeysDocument,
    "mutation RunAttribution($input: AttributionRunInput!) {\n  runAttribution(input: $input) {\n    ...AttributionReportFields\n  }\n}\n\nquery AttributionReports($first: Int, $after: String) {\n  attributionReports(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...AttributionReportFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment AttributionReportFields on AttributionReport {\n  id\n  createdAt\n  models\n  from\n  to\n  lookbackDays\n  journeyCount\n  pathRowCount\n  durationMs\n  credits {\n    model\n    channels {\n      channel\n      conversions\n      value\n    }\n    unattributed {\n      conversions\n      value\n    }\n    totals {\n      conversions\n      value\n    }\n  }\n}": typeof types.RunAttributionDocument,
    "mutation ImportJourneys($csv: String!) {\n  importJourneys(csv: $csv) {\n    format\n    journeys\n    touches\n    conversions\n    value\n    nulls\n  }\n}": typeof types.ImportJourneysDocument,
    "mutation TrackJourney($input: JourneyInput!) {\n  trackJourney(input: $input) {\n    journeyId\n    credits {\n      ...ModelCreditsFields\n    }\n  }\n}\n\nfragment ModelCreditsFields on ModelCredits {\n  model\n  channels {\n    channel\n    conversions\n    value\n  }\n}": typeof types.TrackJourneyDocument,
    "query Me {\n  me {\n    user {\n      id\n      email\n    }\n    organization {\n      id\n      name\n    }\n    role\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}": typeof types.MeDocument,
    "mutation CreateCheckoutSession($planTier: PlanTier!) {\n  createCheckoutSession(planTier: $planTier) {\n    id\n    url\n  }\n}\n\nmutation CreatePortalSession {\n  createPortalSession {\n    url\n  }\n}\n\nmutation ChangePlan($planTier: PlanTier!) {\n  changePlan(planTier: $planTier) {\n    id\n    status\n    planTier\n    currentPeriodEnd\n    cancelAtPeriodEnd\n  }\n}": typeof types.CreateCheckoutSessionDocument,
    "query Plans {\n  plans {\n    ...PlanFields\n  }\n}\n\nquery CurrentPlan {\n  plan {\n    ...PlanFields\n  }\n}\n\nquery CurrentSubscription {\n  subscription {\n    id\n    status\n    planTier\n    currentPeriodEnd\n    cancelAtPeriodEnd\n  }\n}\n\nfragment PlanFields on Plan {\n  tier\n  name\n  priceMonthlyCents\n  limits {\n    attributionRuns\n    models\n    lookbackDays\n    exports\n  }\n}": typeof types.PlansDocument,
    "query Usage {\n  usage {\n    attributionRuns {\n      metric\n      used\n      limit\n      remaining\n      periodStart\n      periodEnd\n    }\n  }\n}": typeof types.UsageDocument,
};
const documents: Documents = {
    "query WebhookEvents($limit: Int) {\n  webhookEvents(limit: $limit) {\n    id\n    type\n    status\n    attempts\n    result\n    error\n    receivedAt\n    updatedAt\n  }\n}\n\nmutation ReplayWebhookEvent($id: ID!) {\n  replayWebhookEvent(id: $id) {\n    id\n    status\n    attempts\n    result\n    error\n    updatedAt\n  }\n}\n\nquery Outbox($limit: Int) {\n  outbox(limit: $limit) {\n    id\n    to\n    subject\n    body\n    transport\n    createdAt\n    sentAt\n  }\n}": types.WebhookEventsDocument,
    "query ApiKeys {\n  apiKeys {\n    ...ApiKeyFields\n  }\n}\n\nmutation CreateApiKey($name: String!) {\n  createApiKey(name: $name) {\n    secret\n    apiKey {\n      ...ApiKeyFields\n    }\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyFields\n  }\n}\n\nfragment ApiKeyFields on ApiKey {\n  id\n  name\n  prefix\n  createdAt\n  lastUsedAt\n  revokedAt\n}": types.ApiKeysDocument,
    "mutation RunAttribution($input: AttributionRunInput!) {\n  runAttribution(input: $input) {\n    ...AttributionReportFields\n  }\n}\n\nquery AttributionReports($first: Int, $after: String) {\n  attributionReports(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...AttributionReportFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment AttributionReportFields on AttributionReport {\n  id\n  createdAt\n  models\n  from\n  to\n  lookbackDays\n  journeyCount\n  pathRowCount\n  durationMs\n  credits {\n    model\n    channels {\n      channel\n      conversions\n      value\n    }\n    unattributed {\n      conversions\n      value\n    }\n    totals {\n      conversions\n      value\n    }\n  }\n}": types.RunAttributionDocument,
    "mutation ImportJourneys($csv: String!) {\n  importJourneys(csv: $csv) {\n    format\n    journeys\n    touches\n    conversions\n    value\n    nulls\n  }\n}": types.ImportJourneysDocument,
    "mutation TrackJourney($input: JourneyInput!) {\n  trackJourney(input: $input) {\n    journeyId\n    credits {\n      ...ModelCreditsFields\n    }\n  }\n}\n\nfragment ModelCreditsFields on ModelCredits {\n  model\n  channels {\n    channel\n    conversions\n    value\n  }\n}": types.TrackJourneyDocument,
    "query Me {\n  me {\n    user {\n      id\n      email\n    }\n    organization {\n      id\n      name\n    }\n    role\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}": types.MeDocument,
    "mutation CreateCheckoutSession($planTier: PlanTier!) {\n  createCheckoutSession(planTier: $planTier) {\n    id\n    url\n  }\n}\n\nmutation CreatePortalSession {\n  createPortalSession {\n    url\n  }\n}\n\nmutation ChangePlan($planTier: PlanTier!) {\n  changePlan(planTier: $planTier) {\n    id\n    status\n    planTier\n    currentPeriodEnd\n    cancelAtPeriodEnd\n  }\n}": types.CreateCheckoutSessionDocument,
    "query Plans {\n  plans {\n    ...PlanFields\n  }\n}\n\nquery CurrentPlan {\n  plan {\n    ...PlanFields\n  }\n}\n\nquery CurrentSubscription {\n  subscription {\n    id\n    status\n    planTier\n    currentPeriodEnd\n    cancelAtPeriodEnd\n  }\n}\n\nfragment PlanFields on Plan {\n  tier\n  name\n  priceMonthlyCents\n  limits {\n    attributionRuns\n    models\n    lookbackDays\n    exports\n  }\n}": types.PlansDocument,
    "query Usage {\n  usage {\n    attributionRuns {\n      metric\n      used\n      limit\n      remaining\n      periodStart\n      periodEnd\n    }\n  }\n}": types.UsageDocument,
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
export function graphql(source: "query WebhookEvents($limit: Int) {\n  webhookEvents(limit: $limit) {\n    id\n    type\n    status\n    attempts\n    result\n    error\n    receivedAt\n    updatedAt\n  }\n}\n\nmutation ReplayWebhookEvent($id: ID!) {\n  replayWebhookEvent(id: $id) {\n    id\n    status\n    attempts\n    result\n    error\n    updatedAt\n  }\n}\n\nquery Outbox($limit: Int) {\n  outbox(limit: $limit) {\n    id\n    to\n    subject\n    body\n    transport\n    createdAt\n    sentAt\n  }\n}"): (typeof documents)["query WebhookEvents($limit: Int) {\n  webhookEvents(limit: $limit) {\n    id\n    type\n    status\n    attempts\n    result\n    error\n    receivedAt\n    updatedAt\n  }\n}\n\nmutation ReplayWebhookEvent($id: ID!) {\n  replayWebhookEvent(id: $id) {\n    id\n    status\n    attempts\n    result\n    error\n    updatedAt\n  }\n}\n\nquery Outbox($limit: Int) {\n  outbox(limit: $limit) {\n    id\n    to\n    subject\n    body\n    transport\n    createdAt\n    sentAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeys {\n  apiKeys {\n    ...ApiKeyFields\n  }\n}\n\nmutation CreateApiKey($name: String!) {\n  createApiKey(name: $name) {\n    secret\n    apiKey {\n      ...ApiKeyFields\n    }\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyFields\n  }\n}\n\nfragment ApiKeyFields on ApiKey {\n  id\n  name\n  prefix\n  createdAt\n  lastUsedAt\n  revokedAt\n}"): (typeof documents)["query ApiKeys {\n  apiKeys {\n    ...ApiKeyFields\n  }\n}\n\nmutation CreateApiKey($name: String!) {\n  createApiKey(name: $name) {\n    secret\n    apiKey {\n      ...ApiKeyFields\n    }\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyFields\n  }\n}\n\nfragment ApiKeyFields on ApiKey {\n  id\n  name\n  prefix\n  createdAt\n  lastUsedAt\n  revokedAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RunAttribution($input: AttributionRunInput!) {\n  runAttribution(input: $input) {\n    ...AttributionReportFields\n  }\n}\n\nquery AttributionReports($first: Int, $after: String) {\n  attributionReports(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...AttributionReportFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment AttributionReportFields on AttributionReport {\n  id\n  createdAt\n  models\n  from\n  to\n  lookbackDays\n  journeyCount\n  pathRowCount\n  durationMs\n  credits {\n    model\n    channels {\n      channel\n      conversions\n      value\n    }\n    unattributed {\n      conversions\n      value\n    }\n    totals {\n      conversions\n      value\n    }\n  }\n}"): (typeof documents)["mutation RunAttribution($input: AttributionRunInput!) {\n  runAttribution(input: $input) {\n    ...AttributionReportFields\n  }\n}\n\nquery AttributionReports($first: Int, $after: String) {\n  attributionReports(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...AttributionReportFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment AttributionReportFields on AttributionReport {\n  id\n  createdAt\n  models\n  from\n  to\n  lookbackDays\n  journeyCount\n  pathRowCount\n  durationMs\n  credits {\n    model\n    channels {\n      channel\n      conversions\n      value\n    }\n    unattributed {\n      conversions\n      value\n    }\n    totals {\n      conversions\n      value\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportJourneys($csv: String!) {\n  importJourneys(csv: $csv) {\n    format\n    journeys\n    touches\n    conversions\n    value\n    nulls\n  }\n}"): (typeof documents)["mutation ImportJourneys($csv: String!) {\n  importJourneys(csv: $csv) {\n    format\n    journeys\n    touches\n    conversions\n    value\n    nulls\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TrackJourney($input: JourneyInput!) {\n  trackJourney(input: $input) {\n    journeyId\n    credits {\n      ...ModelCreditsFields\n    }\n  }\n}\n\nfragment ModelCreditsFields on ModelCredits {\n  model\n  channels {\n    channel\n    conversions\n    value\n  }\n}"): (typeof documents)["mutation TrackJourney($input: JourneyInput!) {\n  trackJourney(input: $input) {\n    journeyId\n    credits {\n      ...ModelCreditsFields\n    }\n  }\n}\n\nfragment ModelCreditsFields on ModelCredits {\n  model\n  channels {\n    channel\n    conversions\n    value\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    user {\n      id\n      email\n    }\n    organization {\n      id\n      name\n    }\n    role\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}"): (typeof documents)["query Me {\n  me {\n    user {\n      id\n      email\n    }\n    organization {\n      id\n      name\n    }\n    role\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCheckoutSession($planTier: PlanTier!) {\n  createCheckoutSession(planTier: $planTier) {\n    id\n    url\n  }\n}\n\nmutation CreatePortalSession {\n  createPortalSession {\n    url\n  }\n}\n\nmutation ChangePlan($planTier: PlanTier!) {\n  changePlan(planTier: $planTier) {\n    id\n    status\n    planTier\n    currentPeriodEnd\n    cancelAtPeriodEnd\n  }\n}"): (typeof documents)["mutation CreateCheckoutSession($planTier: PlanTier!) {\n  createCheckoutSession(planTier: $planTier) {\n    id\n    url\n  }\n}\n\nmutation CreatePortalSession {\n  createPortalSession {\n    url\n  }\n}\n\nmutation ChangePlan($planTier: PlanTier!) {\n  changePlan(planTier: $planTier) {\n    id\n    status\n    planTier\n    currentPeriodEnd\n    cancelAtPeriodEnd\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Plans {\n  plans {\n    ...PlanFields\n  }\n}\n\nquery CurrentPlan {\n  plan {\n    ...PlanFields\n  }\n}\n\nquery CurrentSubscription {\n  subscription {\n    id\n    status\n    planTier\n    currentPeriodEnd\n    cancelAtPeriodEnd\n  }\n}\n\nfragment PlanFields on Plan {\n  tier\n  name\n  priceMonthlyCents\n  limits {\n    attributionRuns\n    models\n    lookbackDays\n    exports\n  }\n}"): (typeof documents)["query Plans {\n  plans {\n    ...PlanFields\n  }\n}\n\nquery CurrentPlan {\n  plan {\n    ...PlanFields\n  }\n}\n\nquery CurrentSubscription {\n  subscription {\n    id\n    status\n    planTier\n    currentPeriodEnd\n    cancelAtPeriodEnd\n  }\n}\n\nfragment PlanFields on Plan {\n  tier\n  name\n  priceMonthlyCents\n  limits {\n    attributionRuns\n    models\n    lookbackDays\n    exports\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Usage {\n  usage {\n    attributionRuns {\n      metric\n      used\n      limit\n      remaining\n      periodStart\n      periodEnd\n    }\n  }\n}"): (typeof documents)["query Usage {\n  usage {\n    attributionRuns {\n      metric\n      used\n      limit\n      remaining\n      periodStart\n      periodEnd\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;