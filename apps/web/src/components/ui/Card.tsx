import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  highlight?: boolean;
  children: ReactNode;
  'aria-label'?: string;
}

export function Card({ title, subtitle, actions, highlight = false, children, ...aria }: CardProps) {
  return (
    <section className={highlight ? 'card card--highlight' : 'card'} {...aria}>
      {(title || actions) && (
        <header className="card__header">
          <div>
            {title && <h2 className="card__title">{title}</h2>}
            {subtitle && <p className="card__subtitle">{subtitle}</p>}
          </div>
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}
