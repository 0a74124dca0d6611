// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { upgradePrompt } from '../lib/upgrade-prompt.js';
import { UpgradeDialog } from './UpgradeDialog.js';

afterEach(() => {
  cleanup();
  upgradePrompt.dismiss();
});

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/attribution', element: <UpgradeDialog /> },
      { path: '/pricing', element: <h1>Pricing page</h1> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('UpgradeDialog', () => {
  it('opens with the limit details when the error link reports PLAN_LIMIT_EXCEEDED, and leads to pricing', async () => {
    const router = renderAt('/attribution');
    expect(screen.queryByText('You have reached your plan’s limit')).toBeNull();

    act(() =>
      upgradePrompt.show({
        code: 'PLAN_LIMIT_EXCEEDED',
        message: 'Your Free plan includes 500 runs.',
        plan: 'FREE',
        upgradeUrl: '/pricing',
        used: 500,
        limit: 500,
      }),
    );
    expect(screen.getByText('You have reached your plan’s limit')).toBeTruthy();
    expect(screen.getByText('500 of 500 attribution runs used this period on FREE.')).toBeTruthy();

    fireEvent.click(screen.getByText('See plans & upgrade'));
    expect(await screen.findByText('Pricing page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/pricing');
    expect(upgradePrompt.snapshot()).toBeNull();
  });

  it('names a missing feature differently and can be dismissed', () => {
    renderAt('/attribution');
    act(() =>
      upgradePrompt.show({
        code: 'FEATURE_NOT_IN_PLAN',
        message: 'MARKOV needs Scale.',
        plan: 'PRO',
        upgradeUrl: '/pricing',
        used: null,
        limit: null,
      }),
    );
    expect(screen.getByText('Not included in your plan')).toBeTruthy();
    fireEvent.click(screen.getByText('Not now'));
    expect(upgradePrompt.snapshot()).toBeNull();
  });
});
