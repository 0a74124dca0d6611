import { formatCount, formatDayMonth } from '../../../lib/format.js';
import { paceOf, type RunsMeter } from '../usage-pace.js';

export interface UsageDayPoint {
  readonly date: string;
  readonly used: number;
}

/**
 * Runs per day of the period as CSS bars, with the pace projected to the period's end. The bars are
 * decoration for sighted readers; the same figures are in a visually hidden table.
 */
export function UsageHistory({ meter, daily }: { meter: RunsMeter; daily: readonly UsageDayPoint[] }) {
  const peak = Math.max(1, ...daily.map((day) => day.used));
  const pace = paceOf(meter);
  return (
    <section className="stack usage-history" aria-label="Runs per day">
      <div className="usage-history__bars" aria-hidden="true">
        {daily.map((day) => (
          <span
            key={day.date}
            className="usage-history__bar"
            style={{ height: `${Math.max((day.used / peak) * 100, day.used > 0 ? 4 : 1)}%` }}
            title={`${formatDayMonth(day.date)}: ${formatCount(day.used)}`}
          />
        ))}
      </div>
      <table className="sr-only">
        <caption>Attribution runs per day this period</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Runs</th>
          </tr>
        </thead>
        <tbody>
          {daily.map((day) => (
            <tr key={day.date}>
              <td>{formatDayMonth(day.date)}</td>
              <td>{formatCount(day.used)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={pace.overLimit ? 'usage-history__pace usage-history__pace--over' : 'usage-history__pace'}>
        {pace.text}
      </p>
    </section>
  );
}
