// The run form's window presets, as the UTC days its date fields hold.

export type DatePreset = 'LAST_7' | 'LAST_30' | 'LAST_90' | 'THIS_MONTH' | 'ALL';

export const DATE_PRESETS: ReadonlyArray<{ preset: DatePreset; label: string }> = [
  { preset: 'LAST_7', label: 'Last 7 days' },
  { preset: 'LAST_30', label: 'Last 30 days' },
  { preset: 'LAST_90', label: 'Last 90 days' },
  { preset: 'THIS_MONTH', label: 'This month' },
  { preset: 'ALL', label: 'All time' },
];

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** "Last 7 days" ends today and includes it: today and the six days before. */
export function presetWindow(preset: DatePreset, now: Date): { from: string; to: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  switch (preset) {
    case 'LAST_7':
      return { from: isoDay(today - 6 * DAY_MS), to: isoDay(today) };
    case 'LAST_30':
      return { from: isoDay(today - 29 * DAY_MS), to: isoDay(today) };
    case 'LAST_90':
      return { from: isoDay(today - 89 * DAY_MS), to: isoDay(today) };
    case 'THIS_MONTH':
      return { from: isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), to: isoDay(today) };
    case 'ALL':
      return { from: '', to: '' };
  }
}
