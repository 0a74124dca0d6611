import { parseArgs } from 'node:util';
import { ATTRIBUTION_MODEL_IDS, isAttributionModelId, type AttributionModelId } from '../model-ids.js';
import type { AttributionOptions } from '../types.js';

export const USAGE = `Usage: pnpm attribution --model <ID> [--model <ID> ...] --input <file.csv> [--json]
                        [--lookback-days N] [--half-life-days N] [--direct-channel NAME]

Reads a ChannelAttribution CSV (path;total_conversions;total_conversion_value;total_null)
or a journeys CSV (journey_id,channel,touched_at,milestone,converted_at,value)
and prints each channel's conversions and value per model.

Models: ${ATTRIBUTION_MODEL_IDS.join(', ')}`;

export interface CliArgs {
  readonly models: AttributionModelId[];
  readonly input: string;
  readonly json: boolean;
  readonly options: AttributionOptions;
}

/** A command line that cannot run: print the reason and the usage, exit 2. */
export class UsageError extends Error {}

/** The parsed command line, or 'help' for --help. */
export function parseCliArgs(argv: readonly string[]): CliArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        model: { type: 'string', multiple: true },
        input: { type: 'string' },
        json: { type: 'boolean', default: false },
        'lookback-days': { type: 'string' },
        'half-life-days': { type: 'string' },
        'direct-channel': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const models = (values.model ?? []).flatMap((model) => model.split(',')).map((model) => model.trim());
  if (models.length === 0) throw new UsageError('at least one --model is required');
  const unknown = models.filter((model) => !isAttributionModelId(model));
  if (unknown.length > 0) throw new UsageError(`unknown model ${unknown.join(', ')}`);
  if (!values.input) throw new UsageError('--input <file.csv> is required');
  const lookbackDays = positiveNumber(values['lookback-days'], '--lookback-days');
  const halfLifeDays = positiveNumber(values['half-life-days'], '--half-life-days');
  return {
    models: models.filter(isAttributionModelId),
    input: values.input,
    json: values.json ?? false,
    options: {
      ...(lookbackDays === undefined ? {} : { lookbackDays }),
      ...(halfLifeDays === undefined ? {} : { halfLifeDays }),
      ...(values['direct-channel'] === undefined ? {} : { directChannel: values['direct-channel'] }),
    },
  };
}

function positiveNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const number = Number(text);
  if (text.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new UsageError(`${flag} needs a positive number of days, got ${JSON.stringify(text)}`);
  }
  return number;
}
