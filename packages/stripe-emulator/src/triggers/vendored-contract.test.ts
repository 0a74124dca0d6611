import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STRIPE_CONTRACT_DIR } from './fixture-runner.js';

// The specification beside the repository: <parent>/<repo>/packages/stripe-emulator → <parent>/shared.
const SHARED_STRIPE = fileURLToPath(new URL('../../../../../shared/stripe/', import.meta.url));

describe.skipIf(!existsSync(SHARED_STRIPE))(
  'the vendored Stripe contract data (only where ../shared is present)',
  () => {
    it('is byte-identical to the specification’s copy', () => {
      const triggers = readdirSync(join(SHARED_STRIPE, 'triggers')).sort();
      expect(readdirSync(join(STRIPE_CONTRACT_DIR, 'triggers')).sort()).toEqual(triggers);
      for (const file of ['fixtures3.json', ...triggers.map((name) => join('triggers', name))]) {
        expect(readFileSync(join(STRIPE_CONTRACT_DIR, file), 'utf8'), file).toBe(
          readFileSync(join(SHARED_STRIPE, file), 'utf8'),
        );
      }
    });
  },
);
