import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { allCatalogues } from "./catalogue";
import { LOCALES } from "./locales";
import { messageArguments } from "./message-arguments";

function keys(obj: unknown, prefix = ""): string[] {
  if (!obj || typeof obj !== "object") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  const all = allCatalogues();

  it("have exactly the same keys in Danish, Norwegian and English", () => {
    const da = new Set(keys(all.da));
    for (const l of LOCALES) {
      const other = new Set(keys(all[l]));
      expect([...da].filter((k) => !other.has(k)), `missing in ${l}`).toEqual([]);
      expect([...other].filter((k) => !da.has(k)), `only in ${l}`).toEqual([]);
    }
  });

  it("have no empty messages", () => {
    for (const l of LOCALES) {
      const empty = keys(all[l]).filter((k) => {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], all[l]);
        return typeof v !== "string" || v.trim() === "";
      });
      expect(empty, `empty in ${l}`).toEqual([]);
    }
  });

  it("ask for the same placeholders in every language (names, plural/select arguments, select options)", () => {
    const valueAt = (l: (typeof LOCALES)[number], k: string) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], all[l]);
    const differing: string[] = [];
    for (const k of keys(all.da)) {
      const da = JSON.stringify(messageArguments(String(valueAt("da", k))));
      for (const l of LOCALES) {
        const v = valueAt(l, k);
        if (typeof v !== "string") continue; // reported by the key test
        const other = JSON.stringify(messageArguments(v));
        if (other !== da) differing.push(`${k} (${l}): ${other} ≠ da ${da}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it("load every catalogue file and never define a namespace twice", () => {
    const dir = path.join(process.cwd(), "lib", "i18n", "messages");
    const seen = new Map<string, string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
      const file = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Record<string, Record<string, unknown>>;
      expect(Object.keys(file).sort(), f).toEqual([...LOCALES].sort());
      for (const ns of Object.keys(file.da ?? {})) {
        expect(seen.get(ns), `namespace ${ns} in ${f}`).toBeUndefined();
        seen.set(ns, f);
        expect(all.da[ns], `${f} is not loaded by catalogue.ts`).toBeDefined();
      }
    }
  });
});
