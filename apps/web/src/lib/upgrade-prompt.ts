// A tiny external store: the Apollo error link and locked buttons live apart from the one dialog
// (app/UpgradeDialog.tsx) that answers them.
import type { AttributionModel } from '../gql/graphql.js';
import type { UpgradeDetails } from './graphql-errors.js';

/** What a locked control stands for: the same three gates the API enforces (@aa/plans GatedFeature). */
export type LockedFeature =
  | { readonly kind: 'model'; readonly model: AttributionModel; readonly label: string }
  | { readonly kind: 'lookback'; readonly days: number }
  | { readonly kind: 'exports' };

/** Why the dialog is open: the API refused a request, or someone pressed a locked control. */
export type UpgradeRequest =
  | { readonly source: 'api'; readonly details: UpgradeDetails }
  | { readonly source: 'locked'; readonly feature: LockedFeature };

type Listener = () => void;

let current: UpgradeRequest | null = null;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const upgradePrompt = {
  show(details: UpgradeDetails): void {
    current = { source: 'api', details };
    emit();
  },
  showLocked(feature: LockedFeature): void {
    current = { source: 'locked', feature };
    emit();
  },
  dismiss(): void {
    current = null;
    emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot(): UpgradeRequest | null {
    return current;
  },
};
