import type { MeterTone } from '../../lib/format.js';

export function Meter({ percent, tone, label }: { percent: number; tone: MeterTone; label: string }) {
  return (
    <div
      className={tone === 'ok' ? 'meter' : `meter meter--${tone}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="meter__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
