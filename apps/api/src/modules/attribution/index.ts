/**
 * The attribution module's one entry point: journeys (tracked and imported), their touches and
 * aggregated paths, report runs and stored reports. Code outside the module imports only this file.
 */
import type { ApiModule } from '../module.js';
import { AttributionResolver } from './attribution.resolver.js';
import { attributionRoutes } from './attribution.routes.js';
import { JOURNEY_ENTITIES } from './journeys.entity.js';
import { JourneysResolver } from './journeys.resolver.js';

export { AttributionError, JourneysError } from './attribution.errors.js';
export { createAttributionServices, type AttributionServices } from './attribution.services.js';
export type { AttributionRunRequest } from './attribution-run.service.js';
export type { ImportSummary } from './journey-import.service.js';
export type { JourneyToTrack } from './journey-validation.js';
export type { StoredJourney, TrackedJourney } from './journeys.service.js';
export type { AttributionReportData, ReportPage } from './report.store.js';
export { ChannelCreditObject, JourneyAttributionObject, JourneyInputObject } from './journeys.types.js';

/** Its part of the registry (modules/index.ts): tables' entities, resolvers and REST routes. */
export const attributionModule: ApiModule = {
  name: 'attribution',
  entities: JOURNEY_ENTITIES,
  resolvers: [JourneysResolver, AttributionResolver],
  routes: attributionRoutes,
};
