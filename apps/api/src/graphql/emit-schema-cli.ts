import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, emitSchema } from './emit-schema.js';

await emitSchema();
console.log(`schema written to ${fileURLToPath(SCHEMA_FILE)}`);
