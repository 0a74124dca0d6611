import type { Journey, Milestone, Touch } from '../types.js';
import { readAmount, readTimestamp, splitCsvLine } from './csv-fields.js';
import { FieldError } from './csv-format-error.js';

export const JOURNEY_COLUMNS = ['journey_id', 'channel', 'touched_at', 'milestone', 'converted_at', 'value'] as const;
export const JOURNEYS_HEADER = JOURNEY_COLUMNS.join(',');

type ColumnIndex = Record<(typeof JOURNEY_COLUMNS)[number], number>;

/** Recognises a journeys header: all six columns, in any order. */
export function journeyColumnsOf(fields: readonly string[]): ColumnIndex | undefined {
  const index = {} as ColumnIndex;
  for (const column of JOURNEY_COLUMNS) {
    const at = fields.indexOf(column);
    if (at < 0) return undefined;
    index[column] = at;
  }
  return fields.length === JOURNEY_COLUMNS.length ? index : undefined;
}

export interface FinishedJourney {
  readonly journey: Journey;
  /** The line of its first row. */
  readonly firstLine: number;
}

interface OpenJourney {
  readonly id: string;
  readonly firstLine: number;
  readonly touches: Touch[];
  readonly convertedAtText: string;
  readonly convertedAtMs: number | undefined;
  readonly valueText: string;
  readonly value: number;
  lastTouchMs: number;
}

/**
 * Assembles journeys from one-row-per-touch lines. Rows of a journey are contiguous, so a journey is
 * complete when the next id starts; only the ids already seen are remembered, to catch a split journey.
 */
export class JourneyAssembler {
  private open: OpenJourney | undefined;
  private readonly finishedIds = new Set<string>();

  constructor(private readonly columns: ColumnIndex) {}

  /** Reads one touch row; returns the previous journey when this row starts a new one. */
  pushRow(line: string, lineNumber: number): FinishedJourney | undefined {
    const fields = splitCsvLine(line);
    if (fields.length !== JOURNEY_COLUMNS.length) {
      throw new FieldError(
        `expected ${JOURNEY_COLUMNS.length} comma-separated fields (${JOURNEYS_HEADER}), found ${fields.length}`,
      );
    }
    const field = (column: keyof ColumnIndex): string => fields[this.columns[column]]!.trim();
    const id = field('journey_id');
    if (id === '') throw new FieldError('empty journey_id');
    let finished: FinishedJourney | undefined;
    if (this.open?.id !== id) {
      if (this.finishedIds.has(id)) {
        throw new FieldError(
          `journey ${JSON.stringify(id)} continues after other journeys: the rows of a journey must be contiguous`,
        );
      }
      finished = this.end();
      this.open = this.startJourney(id, lineNumber, field('converted_at'), field('value'));
    }
    this.addTouch(
      this.open!,
      field('channel'),
      field('touched_at'),
      field('milestone'),
      field('converted_at'),
      field('value'),
    );
    return finished;
  }

  end(): FinishedJourney | undefined {
    const open = this.open;
    if (!open) return undefined;
    this.open = undefined;
    this.finishedIds.add(open.id);
    const journey: Journey =
      open.convertedAtMs === undefined
        ? { id: open.id, touches: open.touches }
        : { id: open.id, touches: open.touches, convertedAt: open.convertedAtMs, value: open.value };
    return { journey, firstLine: open.firstLine };
  }

  private startJourney(id: string, firstLine: number, convertedAtText: string, valueText: string): OpenJourney {
    const convertedAtMs = convertedAtText === '' ? undefined : readTimestamp(convertedAtText, 'converted_at');
    const value = valueText === '' ? 0 : readAmount(valueText, 'value');
    if (convertedAtMs === undefined && value !== 0) {
      throw new FieldError(`value ${valueText} given for a journey without conversion (converted_at is empty)`);
    }
    return { id, firstLine, touches: [], convertedAtText, convertedAtMs, valueText, value, lastTouchMs: -Infinity };
  }

  private addTouch(
    journey: OpenJourney,
    channel: string,
    touchedAtText: string,
    milestoneText: string,
    convertedAtText: string,
    valueText: string,
  ): void {
    if (convertedAtText !== journey.convertedAtText || valueText !== journey.valueText) {
      throw new FieldError(
        `converted_at and value must repeat the first row of journey ${JSON.stringify(journey.id)} (${JSON.stringify(journey.convertedAtText)}, ${JSON.stringify(journey.valueText)})`,
      );
    }
    if (channel === '') throw new FieldError('empty channel');
    const at = readTimestamp(touchedAtText, 'touched_at');
    if (journey.convertedAtMs !== undefined && at > journey.convertedAtMs) {
      throw new FieldError(`touch at ${touchedAtText} comes after the conversion at ${journey.convertedAtText}`);
    }
    if (at < journey.lastTouchMs) {
      throw new FieldError(
        `touched_at ${touchedAtText} is earlier than the previous touch: a journey's rows must be in time order`,
      );
    }
    journey.lastTouchMs = at;
    const milestone = readMilestone(milestoneText);
    journey.touches.push(milestone ? { channel, at, milestone } : { channel, at });
  }
}

function readMilestone(text: string): Milestone | undefined {
  if (text === '') return undefined;
  if (text === 'lead' || text === 'opportunity') return text;
  throw new FieldError(`milestone must be empty, "lead" or "opportunity": ${JSON.stringify(text)}`);
}
