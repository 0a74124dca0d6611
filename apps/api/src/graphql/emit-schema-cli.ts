import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, emitSchema, printCommittedSchema } from './emit-schema.js';

// `--stdout` prints instead of writing: the schema test compares the committed file with it.
if (process.argv.includes('--stdout')) {
  process.stdout.write(await printCommittedSchema());
} else {
  await emitSchema();
  console.log(`schema written to ${fileURLToPath(SCHEMA_FILE)}`);
}
