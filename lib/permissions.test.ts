import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, permissionMatrix } from "./permissions";
import { ROLES } from "./plan/roles";

describe("permissions", () => {
  it("lets an observer read but never write the meeting document", () => {
    expect(can("observer", "read", "meeting_doc")).toBe(true);
    expect(can("observer", "write", "meeting_doc")).toBe(false);
  });

  it("matches the table in docs/permissions.md", () => {
    const doc = readFileSync(path.join(process.cwd(), "docs", "permissions.md"), "utf8");
    const rows = doc.split("\n").filter((l) => ROLES.some((r) => l.startsWith(`| ${r} |`)));
    expect(rows).toHaveLength(ROLES.length);
    const matrix = permissionMatrix();
    for (const row of rows) {
      const [role, view, read, write] = row.split("|").slice(1, 5).map((c) => c.trim()) as [string, string, string, string];
      const m = matrix[role as (typeof ROLES)[number]];
      expect(m.meeting?.includes("view") ? "yes" : "no", `${role} view`).toBe(view);
      expect(m.meeting_doc?.includes("read") ? "yes" : "no", `${role} read`).toBe(read);
      expect(m.meeting_doc?.includes("write") ? "yes" : "no", `${role} write`).toBe(write);
    }
  });
});
