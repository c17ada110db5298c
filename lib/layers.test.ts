import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * lib/'s folders form a graph with no cycle: each folder can be read, tested and changed knowing
 * only the folders below it. ESLint checks the core's edges and file-level cycles
 * (eslint.config.mjs); this test checks the folder graph as a whole, which no lint rule sees.
 *
 * Tests and test helpers (lib/testing/, `testing.ts`, `test-fixtures.ts`, `pdf-testing.ts`) are
 * leaves on top of everything: they may import any folder, and no production file imports them.
 */
const LIB = path.resolve(import.meta.dirname);
const ROOT = path.dirname(LIB);

const isTestSupport = (rel: string) =>
  rel.endsWith(".test.ts") || rel.startsWith("testing/") || /(^|\/)(testing|test-fixtures|pdf-testing)\.ts$/.test(rel);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;

/** Each import of a lib file, resolved to a path relative to lib/ (without extension). */
function libImports(file: string): string[] {
  const out: string[] = [];
  for (const [, spec] of readFileSync(file, "utf8").matchAll(IMPORT)) {
    if (!spec) continue;
    const abs = spec.startsWith("@/")
      ? path.join(ROOT, spec.slice(2))
      : spec.startsWith(".")
        ? path.resolve(path.dirname(file), spec)
        : null;
    if (abs && abs.startsWith(LIB + path.sep)) out.push(path.relative(LIB, abs));
  }
  return out;
}

/** `cases/open-case.ts` → `cases`; a file directly in lib/ (`errors.ts`) is its own node. */
const folderOf = (rel: string) => rel.split("/")[0]!.replace(/\.tsx?$/, "");

type Edge = { from: string; to: string; example: string };

function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(LIB)) {
    const rel = path.relative(LIB, file);
    if (isTestSupport(rel)) continue;
    for (const target of libImports(file)) {
      const [from, to] = [folderOf(rel), folderOf(target)];
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${rel} imports ${target}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** One cycle of the graph, as its edges, or null. */
function findCycle(graph: Map<string, Map<string, string>>): Edge[] | null {
  const state = new Map<string, "open" | "done">();
  const trail: Edge[] = [];
  const visit = (node: string): Edge[] | null => {
    state.set(node, "open");
    for (const [to, example] of graph.get(node) ?? []) {
      trail.push({ from: node, to, example });
      if (state.get(to) === "open") return trail.slice(trail.findIndex((e) => e.from === to));
      if (!state.has(to)) {
        const found = visit(to);
        if (found) return found;
      }
      trail.pop();
    }
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe("lib's folder graph", () => {
  it("has no cycle", () => {
    const cycle = findCycle(folderGraph());
    expect(cycle?.map((e) => `${e.from} → ${e.to} (${e.example})`) ?? []).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["a", new Map([["b", "a/x.ts imports b/y"]])],
      ["b", new Map([["c", "b/y.ts imports c/z"]])],
      ["c", new Map([["a", "c/z.ts imports a/x"]])],
    ]);
    expect(findCycle(graph)?.map((e) => e.from)).toEqual(["a", "b", "c"]);
    graph.get("c")!.clear();
    expect(findCycle(graph)).toBeNull();
  });

  it("keeps test helpers out of production code", () => {
    const offenders = sourceFiles(LIB)
      .map((f) => path.relative(LIB, f))
      .filter((rel) => !isTestSupport(rel))
      .flatMap((rel) =>
        libImports(path.join(LIB, rel))
          .filter((t) => isTestSupport(`${t}.ts`))
          .map((t) => `${rel} imports ${t}`),
      );
    expect(offenders).toEqual([]);
  });
});
