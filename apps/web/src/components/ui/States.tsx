import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/document-title.js';
import { userMessageOf } from '../../lib/graphql-errors.js';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="alert alert--error row row--between" role="alert">
      <span>{userMessageOf(error)}</span>
      {onRetry && (
        <button type="button" className="btn btn--sm btn--secondary" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** The whole screen when the API cannot be reached: never the signed-out layout, which would mislead. */
export function OutageState({ onRetry }: { onRetry: () => void }) {
  useDocumentTitle('Server unreachable');
  return (
    <div className="outage" role="alert">
      <h1>We can’t reach the server</h1>
      <p className="muted">
        Your data is safe. Check your connection; if it works, we are likely restarting. Try again in a moment.
      </p>
      <button type="button" className="btn btn--primary" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function Alert({ tone, children }: { tone: 'success' | 'info' | 'error'; children: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
