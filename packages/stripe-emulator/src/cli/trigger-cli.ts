import { isAbsolute, resolve } from 'node:path';
import { runTrigger, TriggerError } from '../triggers/fixture-runner.js';
import { apiBaseOf, fail, parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const event = args.positional[0];
if (!event) fail('usage: pnpm stripe:trigger <event> [--api-base http://127.0.0.1:12111] [--fixtures <dir>]');
const fixturesOption = args.options.get('fixtures');
// Paths the user typed are relative to where they ran pnpm, not to this package.
const fixturesDir = fixturesOption
  ? isAbsolute(fixturesOption)
    ? fixturesOption
    : resolve(process.env.INIT_CWD ?? process.cwd(), fixturesOption)
  : undefined;
const apiBase = apiBaseOf(args);

try {
  const result = await runTrigger(event, {
    apiBase,
    ...(fixturesDir ? { fixturesDir } : {}),
    onStep: (step) =>
      console.log(
        `Running fixture for: ${step.name} (${step.method} ${step.path} -> ${step.status}${step.id ? `, ${step.id}` : ''})`,
      ),
  });
  console.log(`Trigger succeeded! Events emitted:`);
  for (const emitted of result.events) console.log(`  ${emitted.type} [${emitted.id}]`);
} catch (error) {
  if (error instanceof TriggerError) fail(error.message);
  if (error instanceof TypeError) fail(`cannot reach the emulator at ${apiBase} (start it with pnpm stripe:emulator).`);
  throw error;
}
