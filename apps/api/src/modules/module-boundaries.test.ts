import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The lint rule of docs/architecture.md, checked on snippets placed where the repository's config applies. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function reports(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const restrictedImports = (filePath: string, code: string) => reports('import-x/no-restricted-paths', filePath, code);

describe('module boundaries (eslint import-x/no-restricted-paths)', () => {
  it("refuses a module importing another module's internal file", async () => {
    const code =
      "import type { AccountsService } from '../accounts/accounts.service.js';\nexport type A = AccountsService;\n";
    expect(await restrictedImports('apps/api/src/modules/billing/x.ts', code)).toEqual([
      expect.stringContaining('"../accounts/accounts.service.js" imported in restricted zone'),
    ]);
  });

  it("lets a module import another module's index.ts", async () => {
    const code = "import type { AccountsService } from '../accounts/index.js';\nexport type A = AccountsService;\n";
    expect(await restrictedImports('apps/api/src/modules/billing/x.ts', code)).toEqual([]);
  });

  it("refuses entitlements importing billing's rules (billing implements entitlements' port instead)", async () => {
    const code = "import { accessOf } from '../billing/subscription-access.js';\nexport const a = accessOf;\n";
    expect(await restrictedImports('apps/api/src/modules/entitlements/x.ts', code)).toHaveLength(1);
  });

  it.each(['apps/api/src/graphql/x.ts', 'apps/api/src/http/x.ts', 'apps/api/src/db/x.ts', 'apps/api/src/x.ts'])(
    "refuses %s importing a module's internal file",
    async (filePath) => {
      const modules = filePath.split('/').length === 4 ? './modules' : '../modules';
      const code = `import { hasRole } from '${modules}/accounts/principal.js';\nexport const h = hasRole;\n`;
      expect(await restrictedImports(filePath, code)).toEqual([
        expect.stringContaining('Reach a module through the registry (modules/index.ts) or its index.ts only'),
      ]);
    },
  );

  it("lets the app's edges import a module's index.ts", async () => {
    // A type import: the zone checks it all the same, and no-cycle does not walk the module's graph for it.
    const code = "import type { Principal } from '../modules/accounts/index.js';\nexport type P = Principal;\n";
    expect(await restrictedImports('apps/api/src/graphql/x.ts', code)).toEqual([]);
  });

  it("refuses an SPA feature importing another feature's internals", async () => {
    const code =
      "import { usePlanNames } from '../../billing/hooks/usePlanNames.js';\nexport const f = usePlanNames;\n";
    expect(await restrictedImports('apps/web/src/features/admin/components/X.tsx', code)).toHaveLength(1);
  });

  it('refuses a package importing an app', async () => {
    const code = "import { systemClock } from '../../../apps/api/src/clock.js';\nexport const c = systemClock;\n";
    expect(await restrictedImports('packages/plans/src/x.ts', code)).toEqual([
      expect.stringContaining('Packages never import apps.'),
    ]);
  });

  it('refuses an import cycle', async () => {
    // services.ts reaches accounts.service.ts through the registry, so accounts.service.ts importing it closes a cycle.
    const code = "import { createServices } from '../../services.js';\nexport const s = createServices;\n";
    expect(await reports('import-x/no-cycle', 'apps/api/src/modules/accounts/accounts.service.ts', code)).toHaveLength(
      1,
    );
  });
});
