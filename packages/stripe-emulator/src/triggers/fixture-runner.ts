import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeForm } from '../http/form-decoding.js';
import { resolveReferences, resolveString } from './references.js';

export interface FixtureStep {
  name: string;
  path: string;
  method: string;
  params?: Record<string, unknown>;
  expected_error_type?: string;
}

export interface TriggerFixture {
  _meta?: { template_version?: number; aliases?: string[] };
  fixtures: FixtureStep[];
}

export interface StepOutcome {
  name: string;
  method: string;
  path: string;
  status: number;
  id: string | null;
  errorType: string | null;
}

export interface TriggerResult {
  event: string;
  steps: StepOutcome[];
  /** Events the run caused, oldest first. */
  events: { id: string; type: string }[];
}

export interface TriggerOptions {
  apiBase: string;
  apiKey?: string;
  /** Directory of Stripe CLI trigger fixtures; default the package's `stripe-contract/triggers`. */
  fixturesDir?: string;
  onStep?: (step: StepOutcome) => void;
}

export class TriggerError extends Error {
  constructor(
    readonly code: 'UNKNOWN_EVENT' | 'STEP_FAILED' | 'EVENT_NOT_EMITTED',
    message: string,
  ) {
    super(message);
    this.name = 'TriggerError';
  }
}

/**
 * The emulator's copy of Stripe's contract data (see stripe-contract/README.md): src/ and dist/ both
 * sit two folders below the package root.
 */
export const STRIPE_CONTRACT_DIR = fileURLToPath(new URL('../../stripe-contract/', import.meta.url));

export function defaultFixturesDir(): string {
  return join(STRIPE_CONTRACT_DIR, 'triggers');
}

async function callStep(
  options: TriggerOptions,
  method: string,
  path: string,
  params: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const upper = method.toUpperCase();
  const encoded = encodeForm(params);
  const url = new URL(path, options.apiBase);
  if (upper !== 'POST' && encoded) url.search = encoded;
  const response = await fetch(url, {
    method: upper,
    headers: {
      authorization: `Bearer ${options.apiKey ?? 'sk_test_stripe_cli_trigger'}`,
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'aa-stripe-emulator-trigger',
    },
    ...(upper === 'POST' ? { body: encoded } : {}),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function latestEventId(options: TriggerOptions): Promise<string | null> {
  const { body } = await callStep(options, 'get', '/v1/events', { limit: 1 });
  return (body as { data?: { id: string }[] }).data?.[0]?.id ?? null;
}

async function eventsSince(options: TriggerOptions, since: string | null): Promise<{ id: string; type: string }[]> {
  const collected: { id: string; type: string }[] = [];
  let startingAfter: string | null = null;
  for (;;) {
    const params: Record<string, unknown> = { limit: 100, ...(startingAfter ? { starting_after: startingAfter } : {}) };
    const { body } = await callStep(options, 'get', '/v1/events', params);
    const page = body as { data: { id: string; type: string }[]; has_more: boolean };
    for (const event of page.data) {
      if (event.id === since) return collected.reverse();
      collected.push({ id: event.id, type: event.type });
    }
    if (!page.has_more || page.data.length === 0) return collected.reverse();
    startingAfter = page.data[page.data.length - 1]?.id ?? null;
  }
}

/** Runs one fixture file's API calls in order, as `stripe trigger` does, against `apiBase`. */
export async function runFixture(
  event: string,
  fixture: TriggerFixture,
  options: TriggerOptions,
): Promise<TriggerResult> {
  const responses = new Map<string, unknown>();
  const steps: StepOutcome[] = [];
  const before = await latestEventId(options);
  for (const step of fixture.fixtures) {
    const path = String(resolveString(step.path, responses));
    const params = resolveReferences(step.params ?? {}, responses) as Record<string, unknown>;
    const { status, body } = await callStep(options, step.method, path, params);
    const error = (body as { error?: { type?: string; message?: string } }).error;
    const outcome: StepOutcome = {
      name: step.name,
      method: step.method.toUpperCase(),
      path,
      status,
      id: typeof (body as { id?: unknown }).id === 'string' ? (body as { id: string }).id : null,
      errorType: error?.type ?? null,
    };
    steps.push(outcome);
    options.onStep?.(outcome);
    if (step.expected_error_type) {
      if (outcome.errorType !== step.expected_error_type) {
        throw new TriggerError(
          'STEP_FAILED',
          `Step "${step.name}" should fail with ${step.expected_error_type} but ${error ? `failed with ${error.type}` : 'succeeded'}.`,
        );
      }
    } else if (error) {
      throw new TriggerError(
        'STEP_FAILED',
        `Step "${step.name}" (${outcome.method} ${path}) failed: ${error.type}: ${error.message}`,
      );
    }
    responses.set(step.name, body);
  }
  const events = await eventsSince(options, before);
  const wanted = [event, ...(fixture._meta?.aliases ?? [])];
  if (!events.some((emitted) => wanted.includes(emitted.type))) {
    throw new TriggerError(
      'EVENT_NOT_EMITTED',
      `The fixture ran but no ${event} event was emitted (got: ${events.map((e) => e.type).join(', ') || 'none'}).`,
    );
  }
  return { event, steps, events };
}

export async function loadFixture(event: string, fixturesDir = defaultFixturesDir()): Promise<TriggerFixture> {
  if (!/^[a-z_.]+$/.test(event)) throw new TriggerError('UNKNOWN_EVENT', `Not an event name: ${event}`);
  const file = join(fixturesDir, `${event}.json`);
  if (!existsSync(file)) throw new TriggerError('UNKNOWN_EVENT', `No trigger fixture for ${event} in ${fixturesDir}.`);
  return JSON.parse(await readFile(file, 'utf8')) as TriggerFixture;
}

/** `pnpm stripe:trigger <event>`: loads Stripe CLI's fixture for the event and runs it unchanged. */
export async function runTrigger(event: string, options: TriggerOptions): Promise<TriggerResult> {
  const fixture = await loadFixture(event, options.fixturesDir);
  return runFixture(event, fixture, options);
}
