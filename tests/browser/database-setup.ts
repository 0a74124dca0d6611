// The API's own global setup: a fresh, migrated database for this run, read by its test harness.
export { setupTestDatabase as default } from '@aa/api/testing';
