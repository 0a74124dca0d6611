/** What `pnpm stripe:setup` did to one Stripe object; every change is printed, nothing happens silently. */
export interface SetupStep {
  subject: string;
  action: 'created' | 'updated' | 'replaced' | 'unchanged' | 'attention';
  detail: string;
}

export function step(subject: string, action: SetupStep['action'], detail = ''): SetupStep {
  return { subject, action, detail };
}
