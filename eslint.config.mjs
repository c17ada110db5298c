import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { readdirSync } from "node:fs";

/**
 * The import direction is part of the design: app → lib → db, server → lib → db. A wrong import
 * fails lint (and so CI), as in Outline. lib/ and db/ stay free of Next and React so the server
 * and Vitest can load them.
 */
// Our folders, reached by alias (@/db/...) or by climbing out (../db/..., ../../db/...).
const ours = (folder) => `^(@/|(\\.\\./)+)${folder}(/|$)`;
const reactAndNext = "^(next|react|react-dom|server-only|next-intl)(/|$)";

/**
 * lib/ has a core that every use-case folder may build on and that builds on none of them: the
 * shared models and rules with no database and no use-case behind them. A use-case folder
 * (cases/, meetings/, agreements/ …) may import the core and other use-case folders, as long as
 * the folder graph stays acyclic (lib/layers.test.ts).
 */
const LIB_CORE_FOLDERS = ["collab", "plan", "i18n", "time", "privacy", "business-case", "web-security", "organisation"];
const LIB_CORE_FILES = ["errors.ts", "input-errors.ts", "env.ts", "permissions.ts", "secret.ts"];
const libCore = [...LIB_CORE_FOLDERS.map((f) => `./lib/${f}`), ...LIB_CORE_FILES.map((f) => `./lib/${f}`)];

const restrict = (regexes, message) => ({
  "no-restricted-imports": ["error", { patterns: regexes.map((regex) => ({ regex, message })) }],
});

/**
 * A route folder's private folders (`app/cases/_components/`, any `_name/` under a route) are its
 * own: another route that needs one of their pieces means the piece is shared, and shared UI lives
 * in `app/_components/` (issue 14.4). One zone per private folder: everything in app/ but its
 * route may not import from it. Read from the tree, so a new route is covered without an edit.
 */
const appEntries = readdirSync(new URL("./app", import.meta.url), { withFileTypes: true });
const privateFoldersOf = (dir) =>
  readdirSync(new URL(`./${dir}`, import.meta.url), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => (e.name.startsWith("_") ? [`${dir}/${e.name}`] : privateFoldersOf(`${dir}/${e.name}`)));
export const routePrivateZones = appEntries
  .filter((route) => route.isDirectory() && !route.name.startsWith("_"))
  .flatMap((route) =>
    privateFoldersOf(`app/${route.name}`).map((from) => ({
      target: appEntries.filter((e) => e.name !== route.name).map((e) => `./app/${e.name}`),
      from: `./${from}`,
      message: `${from}/ belongs to app/${route.name}/: a piece used by more than one route lives in app/_components/.`,
    })),
  );

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      ".test-data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // A promise nobody awaits loses its error (an unhandled rejection ends the server) and its
    // order; one passed where a callback returns void is never awaited at all. These rules need
    // the types, so they read the project through TypeScript's project service.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    files: ["app/**"],
    rules: restrict([ours("db"), ours("server")], "app/ reaches the database only through lib/ (app → lib → db)."),
  },
  {
    files: ["app/**"],
    rules: { "import/no-restricted-paths": ["error", { zones: routePrivateZones }] },
  },
  {
    files: ["lib/**"],
    rules: restrict([ours("app"), ours("server"), reactAndNext], "lib/ is free of app/, server/, Next and React (lib → db)."),
  },
  {
    files: ["lib/**"],
    // Cycles are looked for among our files only: parsing node_modules costs minutes.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      // Two files that import each other load in an order that depends on who came first.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["lib/**"],
    // Tests are leaves: a core test may use lib/testing's fixtures.
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: libCore,
              from: "./lib",
              except: [...LIB_CORE_FOLDERS, ...LIB_CORE_FILES].map((f) => `./${f}`),
              message: "lib's core (collab, plan, i18n, time, privacy, errors, env, permissions …) imports no use-case folder.",
            },
            { target: libCore, from: "./db", message: "lib's core is pure: no database." },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**"],
    rules: restrict([ours("app"), ours("server"), ours("lib")], "db/ imports nothing of ours."),
  },
  {
    files: ["server/**"],
    rules: restrict([ours("app"), ours("db")], "server/ reaches the database only through lib/ (server → lib → db)."),
  },
  {
    // Logs go through lib/log (structured JSON, no personal data). The start-up banner and the
    // command-line tools talk to a person at a terminal, so they may print.
    files: ["lib/**", "server/**", "db/**"],
    ignores: ["**/*.test.ts", "server/banner.ts", "server/verify-bundle.ts", "server/collab/testing/**"],
    rules: { "no-console": "error" },
  },
];

export default config;
