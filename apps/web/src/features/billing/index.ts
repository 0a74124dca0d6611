/** The billing feature's entry point for other features, which import only this file (the lint rule checks it). */
export { usePlanNames } from './hooks/usePlanNames.js';
export { useStartPlan, type StartPlan } from './hooks/useStartPlan.js';
export { planAbove, planPriceText, planUnlocking } from './upsell.js';
export { featureWords, limitSentence, planLimitsText } from './upsell.js';
