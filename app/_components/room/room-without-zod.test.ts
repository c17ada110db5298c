import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 19: the room's JavaScript must stay small, and zod in any module the room's browser code
 * imports brings zod's whole core with it (29 KiB as sent, zod/mini or not; docs/decisions.md).
 * The shapes the room reads are plain checks (lib/plan/value-checks.ts). This follows the room
 * page's imports from where they become browser code ("use client") to where they stop being it
 * ("use server": the browser gets only a reference), the on-demand ones too.
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const PAGE = "app/meetings/[id]/page.tsx";

// Static and dynamic imports and re-exports; `import type` and `export type` bring no code.
const IMPORT =
  /\b(?:import|export)\s+(type\s+)?[^;'"]*?\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']|\bimport\s+["']([^"']+)["']/g;
const directive = (source: string, name: string) => new RegExp(`^\\s*["']use ${name}["']`).test(source);

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  const found = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((p) => existsSync(p) && statSync(p).isFile());
  return found ?? null;
}

/** Each browser module the page reaches that imports zod, with the chain of imports that brings it. */
function browserModulesImportingZod(): string[] {
  const found: string[] = [];
  const seen = new Map<string, boolean>();
  const queue: { file: string; browser: boolean; chain: string[] }[] = [{ file: path.join(ROOT, PAGE), browser: false, chain: [] }];
  while (queue.length > 0) {
    const { file, browser: before, chain } = queue.shift()!;
    const source = readFileSync(file, "utf8");
    if (before && directive(source, "server")) continue;
    const browser = before || directive(source, "client");
    // Seen as browser code already, or seen as server code and still server code: nothing new below.
    if (seen.get(file) === true || (seen.has(file) && !browser)) continue;
    seen.set(file, browser);
    const here = [...chain, path.relative(ROOT, file)];
    for (const m of source.matchAll(IMPORT)) {
      if (m[1]) continue;
      const spec = (m[2] ?? m[3] ?? m[4])!;
      if (browser && (spec === "zod" || spec.startsWith("zod/"))) found.push(here.join(" → "));
      const next = resolve(file, spec);
      if (next) queue.push({ file: next, browser, chain: here });
    }
  }
  expect([...seen.values()].filter(Boolean).length).toBeGreaterThan(100); // the walk reached the room's components
  return found;
}

describe("the meeting room's browser code", () => {
  it("imports no zod", () => {
    expect(browserModulesImportingZod()).toEqual([]);
  });
});
