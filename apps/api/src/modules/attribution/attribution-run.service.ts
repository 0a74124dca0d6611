import { performance } from 'node:perf_hooks';
import {
  AttributionAccumulator,
  AttributionInputError,
  TIME_RANGE_TEXT,
  isTimeInRange,
  type AttributionModelId,
  type AttributionResult,
} from '@aa/attribution';
import { capabilitiesOf, type PlanTier } from '@aa/plans';
import type { Clock } from '../../clock.js';
import { assertLookbackInPlan, assertModelsInPlan, type Entitlements } from '../entitlements/index.js';
import { AttributionError } from './attribution.errors.js';
import type { FedCounts, ReportScope } from './journey-feed.store.js';
import type { JourneyStore } from './journey.store.js';
import type { AttributionReportData, ModelReportData, ReportStore } from './report.store.js';

export interface AttributionRunRequest {
  models: readonly AttributionModelId[];
  from?: Date | null;
  to?: Date | null;
  /** Default: the plan's lookback. */
  lookbackDays?: number | null;
}

interface ValidRun extends ReportScope {
  models: AttributionModelId[];
}

/** Reports over an organization's stored journeys; each is stored and can be read again. */
export class AttributionRunService {
  constructor(
    private readonly journeys: JourneyStore,
    private readonly clock: Clock,
    private readonly reports: ReportStore,
    private readonly upgradeUrl: string,
  ) {}

  /** Everything that can refuse a run without doing work; the resolver calls it before the quota is reserved. */
  check({ tier }: Entitlements, request: AttributionRunRequest): ValidRun {
    return this.validate(tier, request);
  }

  async run(
    organizationId: string,
    entitlements: Entitlements,
    request: AttributionRunRequest,
  ): Promise<AttributionReportData> {
    const run = this.check(entitlements, request);
    const started = performance.now();
    const { counts, result } = await this.attribute(organizationId, run).catch((error: unknown) => {
      throw asReportError(error);
    });
    const credits = toModelReports(run.models, result);
    return this.reports.insert(organizationId, {
      models: run.models,
      from: run.from,
      to: run.to,
      lookbackDays: run.lookbackDays,
      ...counts,
      credits,
      durationMs: performance.now() - started,
      createdAt: this.clock.now(),
    });
  }

  private async attribute(
    organizationId: string,
    run: ValidRun,
  ): Promise<{ counts: FedCounts; result: AttributionResult }> {
    const accumulator = new AttributionAccumulator(run.models, { lookbackDays: run.lookbackDays });
    const counts = await this.journeys.feed(organizationId, run, accumulator);
    return { counts, result: accumulator.result() };
  }

  private validate(tier: PlanTier, request: AttributionRunRequest): ValidRun {
    const models = [...new Set(request.models)];
    if (models.length === 0)
      throw new AttributionError('NO_MODELS', 'Choose at least one attribution model', { field: 'models' });
    assertModelsInPlan(tier, models, this.upgradeUrl);
    const lookbackDays = request.lookbackDays ?? capabilitiesOf(tier).lookbackDays;
    if (!Number.isInteger(lookbackDays) || lookbackDays < 1) {
      throw new AttributionError('INVALID_LOOKBACK', 'lookbackDays must be a whole number of days, at least 1', {
        field: 'lookbackDays',
      });
    }
    assertLookbackInPlan(tier, lookbackDays, this.upgradeUrl);
    const from = request.from ?? null;
    const to = request.to ?? null;
    for (const [field, time] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (time && !isTimeInRange(time.getTime())) {
        throw new AttributionError('INVALID_WINDOW', `${field} must be ${TIME_RANGE_TEXT}`, { field });
      }
    }
    if (from && to && from.getTime() > to.getTime()) {
      throw new AttributionError('INVALID_WINDOW', 'from must not be later than to', { field: 'from' });
    }
    return { models, lookbackDays, from, to };
  }
}

/** The engine's input errors (e.g. TIME_DECAY over aggregated rows without timestamps) are the caller's to fix. */
function asReportError(error: unknown): unknown {
  if (error instanceof AttributionInputError)
    return new AttributionError('REPORT_FAILED', error.message, { details: { engineCode: error.code } });
  return error;
}

function toModelReports(models: readonly AttributionModelId[], result: AttributionResult): ModelReportData[] {
  return models.map((model) => {
    const credits = result[model];
    if (!credits) throw new Error(`the engine returned no result for ${model}`);
    return { model, channels: credits.channels, unattributed: credits.unattributed, totals: credits.totals };
  });
}
