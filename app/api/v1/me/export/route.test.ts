import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDataDir } from "@/lib/auth/testing";
import { createRichCase, unzip, type RichCase } from "@/lib/personal-data/testing";
import { accessLogOf } from "@/lib/testing/access";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

/**
 * Issue 16, access and portability: the employee downloads everything Stepwise holds about them
 * for their case — and nothing of anyone else's case, nor another person's address.
 */

let tdb: TestDatabase;
let mine: RichCase;
let other: RichCase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
  mine = await createRichCase("Mine");
  other = await createRichCase("Other");
});
afterAll(async () => {
  await tdb.drop();
});

function get(session: string | null, headers: Record<string, string> = {}): Promise<Response> {
  return GET(
    new Request("http://localhost:3000/api/v1/me/export", {
      headers: { host: "localhost:3000", ...(session ? { cookie: `stepwise.session=${session}` } : {}), ...headers },
    }),
  );
}

describe("GET /api/v1/me/export", () => {
  it("gives the employee a zip with a summary in their language, JSON of every part and the agreement PDFs", async () => {
    const res = await get(mine.sessions.employee);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="stepwise-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = await unzip(new Uint8Array(await res.arrayBuffer()));
    expect([...files.keys()].sort()).toEqual(
      [
        "access-log.json",
        "agreements.json",
        "agreements/agreement-v1.pdf",
        "case.json",
        "invitations.json",
        "plan.json",
        "preparation.json",
        "progress.json",
        "summary.html",
      ].sort(),
    );
    const text = (name: string) => files.get(name)!.toString("utf8");
    const json = (name: string) => JSON.parse(text(name)) as unknown;

    expect(text("summary.html")).toContain("Dine oplysninger i Stepwise");
    expect(text("summary.html")).toContain(mine.strings.employeeName);
    expect(files.get("agreements/agreement-v1.pdf")!.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    expect(json("case.json")).toMatchObject({
      case: { id: mine.caseId, employeeName: mine.strings.employeeName, employer: mine.strings.employer },
      you: { role: "employee", email: mine.strings.employeeEmail },
    });
    expect(text("case.json")).toContain(mine.strings.caseEventReason);
    expect(text("plan.json")).toContain(mine.strings.plan);
    expect(json("agreements.json")).toEqual([
      expect.objectContaining({ version: 1, fingerprint: mine.fingerprint, state: expect.any(String) }),
    ]);
    expect(text("agreements.json")).toContain(mine.strings.plan);
    expect(text("progress.json")).toContain(mine.strings.progressNote);
    expect(text("preparation.json")).toContain(mine.strings.preparation);
    expect(text("invitations.json")).toContain(mine.strings.answerReason);
    expect(text("invitations.json")).toContain(mine.strings.employeeEmail);
    // Mail queued without the participant (a meeting change) is theirs by its address.
    expect(text("invitations.json")).toContain("Mødet er flyttet");
    // Who saw the case: the manager's visits are the employee's to know.
    expect(text("access-log.json")).toContain(mine.strings.managerName);
  });

  it("holds nothing of another case, and no other person's e-mail address", async () => {
    const files = await unzip(new Uint8Array(await (await get(mine.sessions.employee)).arrayBuffer()));
    const all = [...files.values()].map((b) => b.toString("latin1")).join("\n");
    for (const [what, s] of Object.entries(other.strings)) expect(all.includes(s), `${what} of the other case`).toBe(false);
    expect(all).not.toContain(mine.strings.managerEmail);
    expect(all).not.toContain(other.caseId);
  });

  it("writes the summary in the language the person chose", async () => {
    const res = await get(mine.sessions.employee, { "accept-language": "en" });
    const files = await unzip(new Uint8Array(await res.arrayBuffer()));
    expect(files.get("summary.html")!.toString("utf8")).toContain("Your data in Stepwise");
  });

  it("is recorded in the access log as the employee's export", async () => {
    const before = (await accessLogOf(mine.caseId)).filter((r) => r.what === "data_export").length;
    expect((await get(mine.sessions.employee)).status).toBe(200);
    const after = (await accessLogOf(mine.caseId)).filter((r) => r.what === "data_export");
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ purpose: "export" });
  });

  it("refuses anyone but the employee: 401 without a session, 403 for the manager", async () => {
    expect((await get(null)).status).toBe(401);
    expect((await get("not-a-session")).status).toBe(401);
    expect((await get(mine.sessions.manager)).status).toBe(403);
  });
});
