import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { openJoinLink } from "../access/open-join-link";
import { listMyCases } from "../case-list/list-my-cases";
import { getMeetingTicket } from "../meetings/get-meeting-ticket";
import { openStaffSession } from "../auth/testing";
import { verifyTicket } from "../tickets/collab-ticket";
import { ensureDemo } from "./seed-demo";
import { actorsOf } from "../testing/actors";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const base = "http://localhost:3999";

describe("ensureDemo", () => {
  it("seeds Kurt's case with links for the four roles and an observer, and Mette's staff account", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stepwise-demo-"));
    const { links, seeded } = await ensureDemo({ dataDir: dir, baseUrl: base });
    expect(seeded).toBe(true);
    expect(Object.keys(links.links).sort()).toEqual(["caseworker", "employee", "manager", "observer", "union_rep"]);
    expect(links.caseworkerEmail).toBe("mette.sorensen@jobcenter.example");
    const file = JSON.parse(readFileSync(path.join(dir, "demo-links.json"), "utf8"));
    expect(file).toEqual(links);

    const mette = await findUserByEmail(tdb.handle.db, "mette.sorensen@jobcenter.example");
    expect(mette).toMatchObject({ staffRole: "caseworker", name: "Mette Sørensen" });
    const cases = (await listMyCases({ actor: { userId: mette!.id, organisationId: mette!.organisationId!, roles: ["caseworker"] } }))
      .items;
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ employeeName: "Kurt Hansen", myRole: "caseworker", reference: "27.12.08-G01-1104-26", state: "open" });

    const meetingId = new URL(links.meetingUrl).pathname.split("/").pop()!;
    const observer = await openJoinLink({ token: links.links.observer.split("/join/")[1]!, ip: null, userAgent: null });
    const t = await getMeetingTicket({
      who: await actorsOf({ participantSessionToken: observer.sessionToken }),
      meetingId,
      wsOrigin: "ws://x",
    });
    expect(verifyTicket(t.params.ticket, t.room).readOnly).toBe(true);
    // Mette enters the room with her staff session as the case's caseworker.
    const staffSessionToken = await openStaffSession(mette!.id);
    const mt = await getMeetingTicket({ who: await actorsOf({ staffSessionToken }), meetingId, wsOrigin: "ws://x" });
    expect(verifyTicket(mt.params.ticket, mt.room).readOnly).toBe(false);
  });

  it("completes a demo written before staff sign-in (no observer) on restart, keeping the old links", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stepwise-demo-"));
    const first = await ensureDemo({ dataDir: dir, baseUrl: base });
    const { observer: _dropped, ...older } = first.links.links;
    writeFileSync(path.join(dir, "demo-links.json"), JSON.stringify({ meetingUrl: first.links.meetingUrl, links: older }));
    const again = await ensureDemo({ dataDir: dir, baseUrl: "http://127.0.0.1:4000" });
    expect(again.seeded).toBe(false);
    expect(again.links.links.manager).toBe(first.links.links.manager.replace(base, "http://127.0.0.1:4000"));
    expect(again.links.links.observer).toMatch(/^http:\/\/127\.0\.0\.1:4000\/join\//);
    expect(again.links.caseworkerEmail).toBe("mette.sorensen@jobcenter.example");
  });
});
