import type { PlanFieldsFragment } from '../../gql/graphql.js';

// The catalog as the `plans` query serves it (DESIGN.md), cheapest first.
export const PLANS: PlanFieldsFragment[] = [
  {
    tier: 'FREE',
    name: 'Free',
    priceMonthlyCents: 0,
    limits: { attributionRuns: 500, models: ['LAST_TOUCH'], lookbackDays: 30, exports: false },
  },
  {
    tier: 'PRO',
    name: 'Pro',
    priceMonthlyCents: 4900,
    limits: {
      attributionRuns: 5000,
      models: ['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR'],
      lookbackDays: 60,
      exports: false,
    },
  },
  {
    tier: 'SCALE',
    name: 'Scale',
    priceMonthlyCents: 19900,
    limits: {
      attributionRuns: 25000,
      models: ['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR', 'MARKOV', 'SHAPLEY'],
      lookbackDays: 180,
      exports: true,
    },
  },
];
