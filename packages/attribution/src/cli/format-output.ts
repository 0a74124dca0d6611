import type { AttributionResult, ModelResult } from '../types.js';

/** `{ "<MODEL>": { "<channel>": { "conversions": n, "value": n } } }`, the documented --json shape. */
export function formatJson(result: AttributionResult): string {
  const output: Record<string, Record<string, { conversions: number; value: number }>> = {};
  for (const [model, modelResult] of Object.entries(result)) {
    output[model] = Object.fromEntries(
      modelResult.channels.map((c) => [c.channel, { conversions: c.conversions, value: c.value }]),
    );
  }
  return `${JSON.stringify(output, null, 2)}\n`;
}

export function formatTables(result: AttributionResult): string {
  return Object.values(result).map(formatTable).join('\n');
}

function formatTable(result: ModelResult): string {
  const effects = result.removalEffects;
  const header = ['channel', 'conversions', 'value', ...(effects ? ['removal effect'] : [])];
  const rows = result.channels.map((c) => [
    c.channel,
    c.conversions.toFixed(4),
    c.value.toFixed(2),
    ...(effects ? [(effects[c.channel] ?? 0).toFixed(6)] : []),
  ]);
  const footer = [
    ['unattributed', result.unattributed.conversions.toFixed(4), result.unattributed.value.toFixed(2)],
    ['total', result.totals.conversions.toFixed(4), result.totals.value.toFixed(2)],
  ];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows, ...footer].map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((sum, width) => sum + width + 2, -2));
  return [result.model, line(header), rule, ...rows.map(line), rule, ...footer.map(line), ''].join('\n');
}
