import { createRequire } from 'node:module';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

type Plugin = {
  plugin: (schema: unknown, documents: { document: ReturnType<typeof parse>; location: string }[]) => string;
};
const { plugin } = createRequire(import.meta.url)('./named-hooks.cjs') as Plugin;

function generate(source: string): string {
  return plugin(null, [{ document: parse(source), location: 'test.graphql' }]);
}

describe('the named-hooks codegen plugin', () => {
  it('emits one hook per operation over its TypedDocumentNode', () => {
    const output = generate(`
      query Plan { plan { tier } }
      mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { role } }
      fragment PlanTier on Plan { tier }
    `);
    expect(output).toContain("import { PlanDocument, SignInDocument } from './graphql.js';");
    expect(output).toContain('export function usePlanQuery(options?: useQuery.Options<PlanQuery, PlanQueryVariables>)');
    expect(output).toContain('return useQuery(PlanDocument, options ?? {});');
    expect(output).toContain(
      'export function useSignInMutation(options?: useMutation.Options<SignInMutation, SignInMutationVariables>)',
    );
  });

  it('makes options required when a query has a required variable without default', () => {
    const output = generate('query Report($id: ID!, $first: Int! = 10) { report(id: $id) { id } }');
    expect(output).toContain(
      'export function useReportQuery(options: useQuery.Options<ReportQuery, ReportQueryVariables>)',
    );
  });

  it('refuses anonymous operations, which would have no hook name', () => {
    expect(() => generate('query { plan { tier } }')).toThrow(/Anonymous operation in test.graphql/);
  });
});
