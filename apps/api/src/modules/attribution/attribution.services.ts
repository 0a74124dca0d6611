import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { AttributionRunService } from './attribution-run.service.js';
import { JourneyImportService } from './journey-import.service.js';
import { JourneyImportStore } from './journey-import.store.js';
import { JourneyStore } from './journey.store.js';
import { JourneysService } from './journeys.service.js';
import { ReportStore } from './report.store.js';

/** What the rest of the API calls: journeys one at a time, CSV imports, report runs, stored reports. */
export interface AttributionServices {
  journeys: JourneysService;
  imports: JourneyImportService;
  runs: AttributionRunService;
  reports: ReportStore;
}

export function createAttributionServices(orm: Orm, clock: Clock, upgradeUrl: string): AttributionServices {
  const journeys = new JourneyStore(orm);
  const reports = new ReportStore(orm);
  return {
    journeys: new JourneysService(journeys, clock, upgradeUrl),
    imports: new JourneyImportService(journeys, new JourneyImportStore(orm), clock, upgradeUrl),
    runs: new AttributionRunService(journeys, clock, reports, upgradeUrl),
    reports,
  };
}
