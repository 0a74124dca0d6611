import { randomUUID } from 'node:crypto';
import type { Milestone } from '@aa/attribution';

/** A journey as both transports hand it over: tracked (checked, with Dates) or imported (the engine's). */
export interface JourneyToStore {
  touches: ReadonlyArray<{ channel: string; at?: Date | number; milestone?: Milestone | null }>;
  convertedAt?: Date | number;
  value?: number;
}

/** The plan's bound on stored journeys, and the error a write past it fails with. */
export interface JourneyAllowance {
  limit: number;
  refuse(stored: number, requested: number): Error;
}

/** A journey's own columns; one that did not convert is placed in time by its last touch (the reports' window rule). */
export function journeyColumns(journey: JourneyToStore): {
  convertedMs: number | null;
  value: number;
  unconvertedMs: number | null;
} {
  const converted = journey.convertedAt !== undefined;
  return {
    convertedMs: converted ? Number(journey.convertedAt) : null,
    value: journey.value ?? 0,
    unconvertedMs: converted ? null : lastTouchMs(journey),
  };
}

export interface TouchColumns {
  positions: number[];
  channels: string[];
  atMs: number[];
  milestones: Array<string | null>;
}

export function touchColumns(journey: JourneyToStore, into: TouchColumns = emptyTouchColumns()): TouchColumns {
  journey.touches.forEach((touch, position) => {
    into.positions.push(position);
    into.channels.push(touch.channel);
    into.atMs.push(Number(touch.at));
    into.milestones.push(touch.milestone ?? null);
  });
  return into;
}

function emptyTouchColumns(): TouchColumns {
  return { positions: [], channels: [], atMs: [], milestones: [] };
}

/** A batch of journeys as one array per column (new ids, in order), for the unnest statements. */
export interface JourneyBatchColumns {
  ids: string[];
  convertedMs: Array<number | null>;
  values: number[];
  unconvertedMs: Array<number | null>;
  /** Each touch's journey id, beside `touches`. */
  touchJourney: string[];
  touches: TouchColumns;
}

export function journeyBatchColumns(journeys: readonly JourneyToStore[]): JourneyBatchColumns {
  const batch: JourneyBatchColumns = {
    ids: [],
    convertedMs: [],
    values: [],
    unconvertedMs: [],
    touchJourney: [],
    touches: emptyTouchColumns(),
  };
  for (const journey of journeys) {
    const id = randomUUID();
    batch.ids.push(id);
    const columns = journeyColumns(journey);
    batch.convertedMs.push(columns.convertedMs);
    batch.values.push(columns.value);
    batch.unconvertedMs.push(columns.unconvertedMs);
    for (let i = 0; i < journey.touches.length; i++) batch.touchJourney.push(id);
    touchColumns(journey, batch.touches);
  }
  return batch;
}

function lastTouchMs(journey: JourneyToStore): number | null {
  let last: number | null = null;
  for (const touch of journey.touches) {
    if (touch.at === undefined) continue;
    const at = Number(touch.at);
    if (last === null || at > last) last = at;
  }
  return last;
}
