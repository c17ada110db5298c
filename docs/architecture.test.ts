import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/ARCHITECTURE.md gives each folder one line, so a newcomer finds their room — and only
 * folders that exist. This walks the tree so the table cannot drift from it.
 *
 * A folder needs a line when it is at most two deep (`lib/plan/`, `app/_server/`), or deeper but
 * not inside a Next route (`app/_components/room/`, `lib/i18n/messages/`): a route's own
 * segments (`app/cases/[id]/new/`) are described by the route's line. Generated and local folders
 * are not ours to describe.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const NOT_OURS = new Set(["node_modules", ".git", ".next", ".data", ".test-data", "test-results", "playwright-report", "coverage", "bench/results", "db/migrations/meta"]);

function folders(rel = ""): string[] {
  return readdirSync(path.join(ROOT, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => (rel ? `${rel}/${e.name}` : e.name))
    .filter((p) => !NOT_OURS.has(p))
    .flatMap((p) => [p, ...folders(p)]);
}

/** Below app/, a segment not starting with "_" is a route: what is under it belongs to its line. */
function insideRoute(folder: string): boolean {
  const [top, ...rest] = folder.split("/");
  return top === "app" && rest.slice(0, -1).some((segment) => !segment.startsWith("_"));
}

const needsLine = (folder: string) => folder.split("/").length <= 2 || !insideRoute(folder);

/** The backticked paths in the first column of the folder table. */
function namedPaths(markdown: string): string[] {
  const table = markdown.split("## Folders")[1]?.split("\n## ")[0] ?? "";
  return table
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

describe("docs/ARCHITECTURE.md", () => {
  const named = namedPaths(readFileSync(path.join(ROOT, "docs/ARCHITECTURE.md"), "utf8"));

  it("has a line for every folder", () => {
    const described = new Set(named.filter((p) => p.endsWith("/")).map((p) => p.slice(0, -1)));
    expect(folders().filter(needsLine).filter((f) => !described.has(f))).toEqual([]);
  });

  it("names no folder or file that does not exist", () => {
    expect(named.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  it("reads a route's segments as part of the route", () => {
    expect(needsLine("app/cases")).toBe(true);
    expect(needsLine("app/cases/[id]/follow-up")).toBe(false);
    expect(needsLine("app/cases/_components")).toBe(false);
    expect(needsLine("app/_components/room")).toBe(true);
    expect(needsLine("lib/i18n/messages")).toBe(true);
  });
});
