import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  highlight?: boolean;
  /** A card that is the whole page (sign-in) carries the page's one H1. */
  titleAs?: 'h1' | 'h2';
  children: ReactNode;
  'aria-label'?: string;
}

export function Card({
  title,
  subtitle,
  actions,
  highlight = false,
  titleAs: Title = 'h2',
  children,
  ...aria
}: CardProps) {
  return (
    <section className={highlight ? 'card card--highlight' : 'card'} {...aria}>
      {(title || actions) && (
        <header className="card__header">
          <div>
            {title && <Title className="card__title">{title}</Title>}
            {subtitle && <p className="card__subtitle">{subtitle}</p>}
          </div>
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}
