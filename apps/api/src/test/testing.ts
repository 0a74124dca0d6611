// What other workspace packages' tests (the browser tests) may use of the API's test harness; exported
// as `@aa/api/testing` under the "source" condition only, since test code never ships in dist/.
export { default as setupTestDatabase } from './global-setup.js';
export { startTestApp, type SignedUpUser, type TestApp } from './harness.js';
export { CARD_OK, startBillingKit, type BillingKit } from '../modules/billing/test/billing-test-kit.js';
