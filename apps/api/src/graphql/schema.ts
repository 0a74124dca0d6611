import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { withPlanLimitDirective } from './plan-limit.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes Function[]
export async function buildApiSchema(resolvers: Function[]): Promise<GraphQLSchema> {
  const [first, ...rest] = resolvers;
  if (!first) throw new Error('buildApiSchema needs at least one resolver');
  const schema = await buildSchema({
    resolvers: [first, ...rest],
    authChecker,
    // DESIGN.md names the scalar DateTime; inputs are checked by the scalar and by each service.
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  });
  return withPlanLimitDirective(schema);
}

/**
 * The committed SDL, directives included. Not sorted: declaration order keeps @planLimit's
 * arguments as DESIGN.md writes them (metric, cost) and is stable for the same code.
 */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchemaWithDirectives(schema)}\n`;
}
