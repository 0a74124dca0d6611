import type { ModelReportData } from './report.store.js';

export const REPORT_CSV_HEADER = 'model,channel,conversions,value';
/** The row of a model's conversions that no channel earned (all touches outside the lookback). */
export const UNATTRIBUTED_CHANNEL = '(unattributed)';

/** One line per model and channel, then the model's unattributed remainder; yielded lazily for streaming. */
export function* reportCsvLines(credits: readonly ModelReportData[]): Generator<string> {
  yield `${REPORT_CSV_HEADER}\n`;
  for (const { model, channels, unattributed } of credits) {
    for (const channel of channels)
      yield `${model},${csvField(channel.channel)},${channel.conversions},${channel.value}\n`;
    yield `${model},${UNATTRIBUTED_CHANNEL},${unattributed.conversions},${unattributed.value}\n`;
  }
}

/**
 * Quotes when needed, and defuses spreadsheet formulas: channel names come from customers' files,
 * and a cell starting with = + - @ would run as a formula where analysts open the export.
 */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
