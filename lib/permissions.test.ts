import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  assertStaffCan,
  can,
  permissionMatrix,
  RESOURCES,
  ACTIONS,
  STAFF_ACTIONS,
  STAFF_ROLES,
  staffCan,
  type StaffAction,
  type StaffRole,
} from "./permissions";
import { ROLES } from "./plan/roles";

describe("permissions", () => {
  it("never lets anyone but the employee and the caseworker near the preparation document", () => {
    for (const role of ROLES) {
      const allowed = role === "employee" || role === "caseworker";
      expect(can(role, "read", "prep_doc"), role).toBe(allowed);
      expect(can(role, "write", "prep_doc"), role).toBe(allowed);
    }
  });

  it("lets an observer read but never change anything", () => {
    for (const resource of RESOURCES) {
      for (const action of ACTIONS) {
        if (action === "view" || action === "read") continue;
        expect(can("observer", action, resource), `${action} ${resource}`).toBe(false);
      }
    }
  });

  it("gives the treating doctor the meeting's time and agenda and the work-capacity view, and nothing else", () => {
    expect(can("doctor", "view", "meeting")).toBe(true);
    expect(can("doctor", "view", "work_capacity")).toBe(true);
    // The shared document (the plan's live text, notes, mixer desk) is neither read nor written.
    expect(can("doctor", "read", "meeting_doc")).toBe(false);
    expect(can("doctor", "write", "meeting_doc")).toBe(false);
    expect(can("doctor", "read", "prep_doc")).toBe(false);
    expect(can("doctor", "view", "access_log")).toBe(false);
    expect(can("doctor", "manage", "meeting")).toBe(false);
    expect(can("doctor", "view", "case")).toBe(false);
    expect(can("doctor", "view", "progress")).toBe(false);
    for (const action of ["view", "prepare", "sign", "export"] as const) expect(can("doctor", action, "agreement"), action).toBe(false);
    for (const resource of RESOURCES) {
      for (const action of ACTIONS) {
        if (action === "view" || action === "read") continue;
        expect(can("doctor", action, resource), `${action} ${resource}`).toBe(false);
      }
    }
  });

  it("matches the table in docs/permissions.md cell by cell", () => {
    const doc = readFileSync(path.join(process.cwd(), "docs", "permissions.md"), "utf8");
    const lines = doc.split("\n");
    const header = lines.find((l) => l.startsWith("| role |"))!;
    const columns = header
      .split("|")
      .slice(2, -1)
      .map((c) => c.trim());
    expect([...columns].sort()).toEqual([...RESOURCES].sort());
    const matrix = permissionMatrix();
    const rows = lines.filter((l) => ROLES.some((r) => l.startsWith(`| ${r} |`)));
    expect(rows).toHaveLength(ROLES.length);
    for (const row of rows) {
      const cells = row
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      const role = cells[0] as (typeof ROLES)[number];
      columns.forEach((resource, i) => {
        const documented = cells[i + 1] === "–" ? [] : cells[i + 1]!.split(",").map((a) => a.trim());
        const actual = [...(matrix[role][resource as (typeof RESOURCES)[number]] ?? [])];
        expect(actual.sort(), `${role} × ${resource}`).toEqual(documented.sort());
      });
    }
  });

  it("matches the staff-role table in docs/permissions.md cell by cell", () => {
    const doc = readFileSync(path.join(process.cwd(), "docs", "permissions.md"), "utf8");
    const lines = doc.split("\n");
    const header = lines.find((l) => l.startsWith("| staff role |"))!;
    const columns = header
      .split("|")
      .slice(2, -1)
      .map((c) => c.trim());
    expect([...columns].sort()).toEqual([...STAFF_ACTIONS].sort());
    const rows = lines.filter((l) => STAFF_ROLES.some((r) => l.startsWith(`| **${r}** |`)));
    expect(rows).toHaveLength(STAFF_ROLES.length);
    for (const row of rows) {
      const cells = row
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      const role = cells[0]!.replace(/\*/g, "") as StaffRole;
      columns.forEach((action, i) => {
        expect(staffCan([role], action as StaffAction), `${role} × ${action}`).toBe(cells[i + 1] === "✓");
      });
    }
  });

  it("gives an administrator no way into case content, and a team lead the team's cases", () => {
    expect(staffCan(["admin"], "work_cases")).toBe(false);
    expect(staffCan(["admin"], "open_case")).toBe(false);
    expect(() => assertStaffCan(["admin"], "work_cases")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(staffCan(["team_lead"], "view_team_cases")).toBe(true);
    expect(staffCan(["caseworker"], "view_team_cases")).toBe(false);
    expect(staffCan(["caseworker"], "manage_staff")).toBe(false);
  });
});
