import { expect, it } from 'vitest';
import { presetWindow } from './date-presets.js';

it('gives each preset its UTC days, today included', () => {
  const now = new Date('2026-03-15T23:30:00Z');
  expect(presetWindow('LAST_7', now)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  expect(presetWindow('LAST_30', now)).toEqual({ from: '2026-02-14', to: '2026-03-15' });
  expect(presetWindow('LAST_90', now)).toEqual({ from: '2025-12-16', to: '2026-03-15' });
  expect(presetWindow('THIS_MONTH', now)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
  expect(presetWindow('ALL', now)).toEqual({ from: '', to: '' });
});
