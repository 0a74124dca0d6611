/**
 * The attribution module's one entry point: journeys (tracked and imported), their touches and
 * aggregated paths, report runs and stored reports. Code outside the module imports only this file.
 */
import type { CoreDeps, ModuleDefinition } from '../module.js';
import { AttributionReportFieldsResolver, AttributionResolver } from './attribution.resolver.js';
import { attributionRoutes } from './attribution.routes.js';
import { createAttributionServices, type AttributionServices } from './attribution.services.js';
import { JOURNEY_ENTITIES } from './journeys.entity.js';
import { ImportsResolver } from './imports.resolver.js';
import { JourneysResolver } from './journeys.resolver.js';
import { Migration20261125000003Journeys } from './migrations/Migration20261125000003Journeys.js';
import { Migration20261125190500Attribution } from './migrations/Migration20261125190500Attribution.js';
import { Migration20261202140000JourneyImports } from './migrations/Migration20261202140000JourneyImports.js';
import { Migration20261202170200PathAggregates } from './migrations/Migration20261202170200PathAggregates.js';
import { Migration20261203070100StoredRoomFunction } from './migrations/Migration20261203070100StoredRoomFunction.js';

export { AttributionError, JourneysError } from './attribution.errors.js';
export type { AttributionServices } from './attribution.services.js';
export type { AttributionRunRequest } from './attribution-run.service.js';
export type { ImportSummary } from './journey-import.service.js';
export type { JourneyToTrack } from './journey-validation.js';
export type { StoredJourney, TrackedJourney } from './journeys.service.js';
export type { AttributionReportData, ReportPage } from './report.store.js';
export { ChannelCreditObject, JourneyAttributionObject, JourneyInputObject } from './journeys.types.js';

/** Its part of the registry (modules/index.ts): tables' entities, resolvers and REST routes. */
export const attributionModule: ModuleDefinition<CoreDeps, { attribution: AttributionServices }> = {
  name: 'attribution',
  entities: JOURNEY_ENTITIES,
  resolvers: [JourneysResolver, AttributionResolver, AttributionReportFieldsResolver, ImportsResolver],
  routes: attributionRoutes,
  migrations: [
    { name: 'Migration20261125000003Journeys', class: Migration20261125000003Journeys },
    { name: 'Migration20261125190500Attribution', class: Migration20261125190500Attribution },
    { name: 'Migration20261202140000JourneyImports', class: Migration20261202140000JourneyImports },
    { name: 'Migration20261202170200PathAggregates', class: Migration20261202170200PathAggregates },
    { name: 'Migration20261203070100StoredRoomFunction', class: Migration20261203070100StoredRoomFunction },
  ],
  create: ({ orm, clock, config }) => ({
    attribution: createAttributionServices(orm, clock, config.server.upgradeUrl),
  }),
};
