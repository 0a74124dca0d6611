// A tiny external store: the Apollo error link lives outside React, the dialog inside it.
import type { UpgradeDetails } from './graphql-errors.js';

type Listener = () => void;

let current: UpgradeDetails | null = null;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const upgradePrompt = {
  show(details: UpgradeDetails): void {
    current = details;
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
  snapshot(): UpgradeDetails | null {
    return current;
  },
};
