import type { ReactNode } from 'react';

export interface Column {
  readonly label: string;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  readonly className?: string;
}

/** The one table look of the app: full-bleed inside a card, scrolling sideways on narrow screens. */
export function Table({
  label,
  columns,
  children,
}: {
  label?: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th
                key={column.label || index}
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
