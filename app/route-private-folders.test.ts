import path from "node:path";
import { ESLint } from "eslint";
import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { routePrivateZones } from "../eslint.config.mjs";

/**
 * Issue 14.4: a route folder's private folders are its own (eslint.config.mjs, `routePrivateZones`).
 * Lints a probe file placed in app/admin/ and one in app/cases/ with only that rule, so the rule
 * is shown to refuse what it must and to let the route itself through.
 */
const ROOT = path.resolve(import.meta.dirname, "..");

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ["**/*.tsx"],
      languageOptions: { parser: tseslint.parser },
      plugins: { import: importPlugin },
      settings: { "import/resolver": { typescript: { project: path.join(ROOT, "tsconfig.json") }, node: true } },
      rules: { "import/no-restricted-paths": ["error", { zones: routePrivateZones }] },
    },
  ],
});

async function messagesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("a route's _components", () => {
  it("covers every private folder under a route", () => {
    expect(routePrivateZones.map((z) => z.from)).toEqual(expect.arrayContaining(["./app/cases/_components", "./app/admin/_catalogue"]));
  });

  it("cannot be imported from another route, by alias or by a relative path", async () => {
    for (const specifier of ["@/app/cases/_components/hand-over-form", "../cases/_components/hand-over-form"]) {
      const messages = await messagesFor(
        "app/admin/probe.tsx",
        `import { HandOverForm } from "${specifier}";\nexport const x = HandOverForm;\n`,
      );
      expect(messages, specifier).toEqual([expect.stringMatching(/^import\/no-restricted-paths: .*belongs to app\/cases\//)]);
    }
  });

  it("can be imported inside its own route, and app/_components from anywhere", async () => {
    expect(
      await messagesFor(
        "app/cases/[id]/probe.tsx",
        `import { HandOverForm } from "../_components/hand-over-form";\nexport const x = HandOverForm;\n`,
      ),
    ).toEqual([]);
    expect(
      await messagesFor(
        "app/admin/probe.tsx",
        `import { StaffPage } from "@/app/_components/staff/staff-page";\nexport const x = StaffPage;\n`,
      ),
    ).toEqual([]);
  });
});
