import { describe, expect, it } from 'vitest';
import { modelAvailability } from './model-catalog.js';

const PLANS = [
  { tier: 'FREE', name: 'Free', limits: { models: ['LAST_TOUCH'] } },
  { tier: 'PRO', name: 'Pro', limits: { models: ['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR'] } },
  {
    tier: 'SCALE',
    name: 'Scale',
    limits: { models: ['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR', 'TIME_DECAY', 'MARKOV', 'SHAPLEY'] },
  },
] as const;

describe('modelAvailability', () => {
  it('lists all ten models, the locked ones with the cheapest plan that has them', () => {
    const models = modelAvailability(['LAST_TOUCH'], PLANS);
    expect(models).toHaveLength(10);
    expect(models.find((m) => m.model === 'LAST_TOUCH')).toMatchObject({ allowed: true, label: 'Last touch' });
    expect(models.find((m) => m.model === 'LINEAR')).toMatchObject({ allowed: false, requiredPlan: 'Pro' });
    expect(models.find((m) => m.model === 'MARKOV')).toMatchObject({ allowed: false, requiredPlan: 'Scale' });
  });
});
