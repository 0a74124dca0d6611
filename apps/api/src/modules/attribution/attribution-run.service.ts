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
import type { FedCounts, ReportScope, ReportWindow, WindowSummary } from './journey-feed.store.js';
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

/** A model the stored data in a window cannot serve, and why. */
export interface UnavailableModel {
  model: AttributionModelId;
  reason: string;
}

/** What a run over a window would read, told before the run so nothing is spent on a run that cannot work. */
export interface WindowPreview extends WindowSummary, ReportWindow {
  modelsUnavailable: UnavailableModel[];
}

const TIME_DECAY_ON_PATH_ROWS =
  'TIME_DECAY weighs touches by their time, and aggregated path rows have none. ' +
  'Run it over journeys tracked or imported with timestamps.';

/** Reports over an organization's stored journeys; each is stored and can be read again. */
export class AttributionRunService {
  constructor(
    private readonly journeys: JourneyStore,
    private readonly clock: Clock,
    private readonly reports: ReportStore,
    private readonly upgradeUrl: string,
  ) {}

  /**
   * Everything that can refuse a run before its work: the plan, the input, and a window with nothing
   * in it or with data a chosen model cannot read. The resolver calls it before the quota is reserved.
   */
  async check(organizationId: string, { tier }: Entitlements, request: AttributionRunRequest): Promise<ValidRun> {
    const run = this.validate(tier, request);
    const preview = await this.preview(organizationId, run);
    if (preview.storedJourneys + preview.pathRows === 0) {
      throw new AttributionError(
        'NO_JOURNEYS_IN_WINDOW',
        'There are no journeys in this window, so nothing was run and no run was counted. ' +
          'Import or track journeys, or choose a wider window.',
        { field: 'from', details: { from: run.from?.toISOString() ?? null, to: run.to?.toISOString() ?? null } },
      );
    }
    const unavailable = preview.modelsUnavailable.filter(({ model }) => run.models.includes(model));
    if (unavailable.length > 0) {
      throw new AttributionError(
        'MODELS_UNAVAILABLE',
        `${unavailable.map(({ model, reason }) => `${model}: ${reason}`).join(' ')} Nothing was run and no run was counted.`,
        { field: 'models', details: { models: unavailable.map(({ model }) => model) } },
      );
    }
    return run;
  }

  /** The window's journeys, conversions and value, and the models its data cannot serve. */
  async preview(organizationId: string, window: ReportWindow): Promise<WindowPreview> {
    const checked = checkWindow(window.from ?? null, window.to ?? null);
    const summary = await this.journeys.summarize(organizationId, checked);
    const modelsUnavailable: UnavailableModel[] =
      summary.pathRows > 0 ? [{ model: 'TIME_DECAY', reason: TIME_DECAY_ON_PATH_ROWS }] : [];
    return { ...checked, ...summary, modelsUnavailable };
  }

  async run(
    organizationId: string,
    entitlements: Entitlements,
    request: AttributionRunRequest,
  ): Promise<AttributionReportData> {
    const run = await this.check(organizationId, entitlements, request);
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
    return { models, lookbackDays, ...checkWindow(request.from ?? null, request.to ?? null) };
  }
}

function checkWindow(from: Date | null, to: Date | null): ReportWindow {
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
  return { from, to };
}

/** The engine's input errors (e.g. TIME_DECAY over path rows imported after `check`) are the caller's to fix. */
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
