import { writeFile } from 'node:fs/promises';
import { API_MODULES } from '../modules/index.js';
import { resolversOf } from '../modules/module.js';
import { buildApiSchema, printApiSchema } from './schema.js';

/** `pnpm --filter @aa/api schema:emit`: regenerates apps/api/schema.graphql, which codegen reads. */
export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

export async function printCommittedSchema(): Promise<string> {
  return printApiSchema(await buildApiSchema(resolversOf(API_MODULES)));
}

export async function emitSchema(): Promise<void> {
  await writeFile(SCHEMA_FILE, await printCommittedSchema());
}
