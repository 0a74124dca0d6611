import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import type { OrganizationPlanService } from '../plans/organization-plan.service.js';
import { AttributionRunService } from './attribution-run.service.js';
import { JourneyImportService } from './journey-import.service.js';
import { ReportStore } from './report-store.js';

export interface AttributionServices {
  imports: JourneyImportService;
  runs: AttributionRunService;
  reports: ReportStore;
}

export function createAttributionServices(orm: Orm, clock: Clock, plans: OrganizationPlanService, upgradeUrl: string): AttributionServices {
  const reports = new ReportStore(orm);
  return {
    imports: new JourneyImportService(orm, clock),
    runs: new AttributionRunService(orm, clock, plans, reports, upgradeUrl),
    reports,
  };
}
