import type { ApolloServerPlugin } from '@apollo/server';

/** The limits a plan sets: a response whose every error is one answers 402 Payment Required. */
const PAYMENT_REQUIRED_CODES = new Set(['PLAN_LIMIT_EXCEEDED', 'JOURNEY_ALLOWANCE_EXCEEDED']);

/** HTTP 402 Payment Required when every error of a response is a plan limit, so clients can branch on status. */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (errors?.length && errors.every((error) => PAYMENT_REQUIRED_CODES.has(String(error.extensions?.code)))) {
            response.http.status = 402;
          }
          if (errors?.length && errors.every((error) => error.extensions?.code === 'RATE_LIMITED')) {
            response.http.status = 429;
          }
        },
      };
    },
  };
}
