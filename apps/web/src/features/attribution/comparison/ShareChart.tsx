import type { AttributionModel } from '../../../gql/graphql.js';
import { MODEL_LABELS } from '../model-catalog.js';
import { formatShare, type Comparison } from './comparison.js';

/** Ten distinguishable hues at 3:1 or more against white (WCAG 1.4.11 for graphics). */
const PALETTE = [
  '#1d4ed8',
  '#b45309',
  '#047857',
  '#be123c',
  '#6d28d9',
  '#0e7490',
  '#a16207',
  '#4d7c0f',
  '#c2410c',
  '#475569',
];
const BAR = 10;
const GAP = 14;
const LABEL_WIDTH = 120;
const PLOT_WIDTH = 560;

/**
 * Grouped horizontal bars of each channel's conversion share per model, drawn as plain SVG (no chart
 * library: a few lines of layout cost less than the smallest one). The table beside it carries the
 * same figures for screen readers; the SVG is one labelled image.
 */
export function ShareChart({ comparison, describedBy }: { comparison: Comparison; describedBy: string }) {
  const { models, rows } = comparison;
  const groupHeight = models.length * BAR + GAP;
  const height = rows.length * groupHeight + 24;
  const colour = (model: AttributionModel) => PALETTE[models.indexOf(model) % PALETTE.length];
  return (
    <figure className="share-chart">
      <svg
        role="img"
        aria-label="Share of conversions by channel and model"
        aria-describedby={describedBy}
        viewBox={`0 0 ${LABEL_WIDTH + PLOT_WIDTH + 48} ${height}`}
        className="share-chart__svg"
      >
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line
              x1={LABEL_WIDTH + tick * PLOT_WIDTH}
              x2={LABEL_WIDTH + tick * PLOT_WIDTH}
              y1={0}
              y2={height - 18}
              className="share-chart__grid"
            />
            <text x={LABEL_WIDTH + tick * PLOT_WIDTH} y={height - 4} textAnchor="middle" className="share-chart__tick">
              {formatShare(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const top = index * groupHeight;
          return (
            <g key={row.channel}>
              <text
                x={LABEL_WIDTH - 8}
                y={top + (models.length * BAR) / 2 + 4}
                textAnchor="end"
                className="share-chart__label"
              >
                {row.channel}
              </text>
              {models.map((model, m) => {
                const share = row.shares.get(model)?.conversions ?? 0;
                return (
                  <rect
                    key={model}
                    x={LABEL_WIDTH}
                    y={top + m * BAR}
                    width={Math.max(share * PLOT_WIDTH, 1)}
                    height={BAR - 2}
                    fill={colour(model)}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="share-chart__legend" aria-label="Models">
          {models.map((model) => (
            <li key={model}>
              <span className="share-chart__swatch" style={{ background: colour(model) }} aria-hidden="true" />
              {MODEL_LABELS[model]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
