import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 14.2: every edge goes through its wrapper, so none can forget a step (the Origin check,
 * who, the body, errors mapped once): a route handler's methods through `route()` or `apiRoute()`
 * (route-handler.ts, api-route.ts), a server action through `action()` or `formAction()`
 * (action.ts). This reads every app/**\/route.ts and every "use server" file: a new edge written
 * by hand fails here until it uses the wrapper or is listed below with the reason.
 */
const APP = path.resolve(import.meta.dirname, "..");

/** Files that may do otherwise, each with why. None today: keep it that way, or say why here. */
const ALLOWED: Record<string, string> = {};

const METHODS = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";
/** Next's route segment options: configuration, not an edge. */
const SEGMENT_OPTIONS = "dynamic|dynamicParams|revalidate|fetchCache|runtime|preferredRegion|maxDuration";

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts"))
      out.push(path.relative(path.dirname(APP), p).split(path.sep).join("/"));
  }
  return out;
}

/** Each top-level `export …` statement's first line. */
const exportsOf = (source: string) => source.split("\n").filter((line) => line.startsWith("export "));

/** What is wrong with a route handler file: every export is a method built by a wrapper, or a segment option. */
function routeFileProblems(source: string): string[] {
  const ok = new RegExp(`^export const (?:(?:${METHODS}) = (?:route|apiRoute)\\(|(?:${SEGMENT_OPTIONS}) = )`);
  return exportsOf(source)
    .filter((line) => !ok.test(line))
    .map((line) => `not through route()/apiRoute(): ${line}`);
}

/** What is wrong with a "use server" file: every export is an action built by a wrapper, or a type. */
function actionFileProblems(source: string): string[] {
  const ok = /^export (?:const \w+ = (?:action|formAction)\(|type )/;
  return exportsOf(source)
    .filter((line) => !ok.test(line))
    .map((line) => `not through action()/formAction(): ${line}`);
}

/** A "use server" directive anywhere but a file's first line: an inline action, outside any wrapper. */
function inlineActionProblems(source: string): string[] {
  return source
    .split("\n")
    .slice(1)
    .filter((line) => /^\s*["']use server["'];?\s*$/.test(line))
    .map(() => 'an inline "use server" action: move it to an actions.ts file, through action()');
}

const isServerActionFile = (source: string) => /^["']use server["']/.test(source);

describe("every edge goes through its wrapper", () => {
  const files = walk(APP);
  const problems = (file: string): string[] => {
    const source = readFileSync(path.join(path.dirname(APP), file), "utf8");
    return [
      ...(file.endsWith("/route.ts") ? routeFileProblems(source) : []),
      ...(isServerActionFile(source) ? actionFileProblems(source) : []),
      ...inlineActionProblems(source),
    ];
  };

  it("finds the edges (the scan reads the tree)", () => {
    expect(files.filter((f) => f.endsWith("/route.ts")).length).toBeGreaterThan(20);
    expect(files.filter((f) => isServerActionFile(readFileSync(path.join(path.dirname(APP), f), "utf8"))).length).toBeGreaterThan(5);
  });

  it("has no route handler or server action written by hand, but those allowed", () => {
    const found = Object.fromEntries(
      files
        .filter((f) => !(f in ALLOWED))
        .map((f): [string, string[]] => [f, problems(f)])
        .filter(([, p]) => p.length > 0),
    );
    expect(found).toEqual({});
  });

  it("allows only files that still need it", () => {
    for (const file of Object.keys(ALLOWED)) expect(problems(file), file).not.toEqual([]);
  });

  it("refuses what it should", () => {
    expect(routeFileProblems('export async function GET(req: Request) {\n  return new Response("x");\n}\n')).toHaveLength(1);
    expect(routeFileProblems('export { GET } from "./elsewhere";\n')).toHaveLength(1);
    expect(
      routeFileProblems('export const GET = route({ auth: "staff" }, async () => null);\nexport const dynamic = "force-dynamic";\n'),
    ).toEqual([]);
    expect(actionFileProblems('"use server";\nexport async function save(form: FormData) {}\n')).toHaveLength(1);
    expect(
      actionFileProblems('"use server";\nexport const save = action({ auth: "staff" }, async () => null);\nexport type S = null;\n'),
    ).toEqual([]);
    expect(inlineActionProblems('export function Page() {\n  async function save() {\n    "use server";\n  }\n}\n')).toHaveLength(1);
  });
});
