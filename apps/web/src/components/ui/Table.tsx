import { useId, type ReactNode } from 'react';

export interface Column {
  readonly label: string;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  readonly className?: string;
}

/** A CSS string literal: labels are our own copy, but a quote or backslash must not end the rule. */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
}

/**
 * Below 640 px each row becomes a card and each cell names its column; the labels come from this
 * table's columns through nth-child rules, so the features' rows stay plain <td>s.
 */
function cardLabels(tableId: string, columns: readonly Column[]): string {
  return columns
    .map((column, index) =>
      column.label
        ? `[data-table=${cssString(tableId)}] td:nth-child(${index + 1})::before{content:${cssString(column.label)}}`
        : '',
    )
    .join('');
}

/**
 * The one table look of the app: full-bleed inside a card on wide screens, a card list on phones.
 * Where it still scrolls sideways, the scroller is a labelled group that takes focus, so keyboards can scroll it
 * (a group, not a region: the card around it is the region of that name).
 */
export function Table({
  label,
  columns,
  children,
}: {
  label: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  const tableId = useId();
  return (
    <div className="table-wrap" role="group" aria-label={label} tabIndex={0} data-table={tableId}>
      <style>{`@media (max-width: 639.98px){${cardLabels(tableId, columns)}}`}</style>
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th
                key={column.label || index}
                scope="col"
                className={[column.numeric && 'num', column.className].filter(Boolean).join(' ') || undefined}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
