/** The billing feature's entry point for other features, which import only this file (the lint rule checks it). */
export { usePlanNames } from './hooks/usePlanNames.js';
