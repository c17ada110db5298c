import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganisation } from "@/db/organisation-scope";
import { outboxMail } from "@/db/schema";
import { eq } from "drizzle-orm";
import type { RevocationEvent } from "../access/revocation-bus";
import { onRevocation } from "../access/revocation-bus";
import { identify } from "../access/resolve-access";
import type { StaffActor } from "../access/actor";
import { openStaffSession } from "../auth/testing";
import { openCase } from "../cases/open-case";
import { createOrganisation } from "../organisations/create-organisation";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addStaff } from "./add-staff";
import { changeStaffRole } from "./change-staff-role";
import { inviteStaff } from "./invite-staff";
import { listStaff } from "./list-staff";
import { setStaffActive } from "./set-staff-active";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

async function actorOf(userId: string): Promise<StaffActor> {
  const token = await openStaffSession(userId);
  const { staff } = await identify({ staffSessionToken: token });
  return staff!;
}

describe("an administrator manages their own organisation's staff", () => {
  it("lists, invites, changes roles, deactivates (sessions and sockets end at once) and reactivates — own organisation only", async () => {
    const vejle = await createOrganisation({ name: "Jobcenter Vejle", country: "DK" });
    const nav = await createOrganisation({ name: "NAV Grünerløkka", country: "NO" });
    const ada = await addStaff({ organisationId: vejle.id, raw: { email: "ada@vejle.example", name: "Ada Admin", role: "admin" } });
    const kari = await addStaff({ organisationId: nav.id, raw: { email: "kari@nav.example", name: "Kari", role: "caseworker" } });
    const admin = await actorOf(ada.id);

    const invited = await inviteStaff({
      actor: admin,
      raw: { email: "Bo@Vejle.example", name: "Bo Berg", role: "caseworker" },
      baseUrl: "https://moede.example",
      locale: "da",
    });
    const [mail] = await tdb.handle.db.select().from(outboxMail).where(eq(outboxMail.toAddress, "bo@vejle.example"));
    expect(mail?.subject).toBe("Din adgang til Stepwise – Jobcenter Vejle");
    expect(mail?.body).toContain("https://moede.example/signin");

    const listed = await listStaff({ actor: admin });
    expect(listed.map((p) => p.email).sort()).toEqual(["ada@vejle.example", "bo@vejle.example"]);
    expect(listed.find((p) => p.isMe)?.email).toBe("ada@vejle.example");

    await changeStaffRole({ actor: admin, raw: { staffId: invited.id, role: "team_lead" } });
    expect((await listStaff({ actor: admin })).find((p) => p.id === invited.id)?.role).toBe("team_lead");

    // Bo is signed in and in a meeting socket of his case: deactivating ends both at once.
    const boToken = await openStaffSession(invited.id);
    await withOrganisation(vejle.id, () => openCase({ staffUserId: invited.id, raw: { employeeName: "Kurt", track: "unemployed" } }));
    const events: RevocationEvent[] = [];
    const stop = onRevocation((e) => events.push(e));
    try {
      await setStaffActive({ actor: admin, staffId: invited.id, active: false });
    } finally {
      stop();
    }
    expect((await identify({ staffSessionToken: boToken })).staff).toBeNull();
    expect(events).toContainEqual(expect.objectContaining({ type: "session_ended", sessionId: null }));
    expect((await listStaff({ actor: admin })).find((p) => p.id === invited.id)?.active).toBe(false);

    await setStaffActive({ actor: admin, staffId: invited.id, active: true });
    expect((await listStaff({ actor: admin })).find((p) => p.id === invited.id)?.active).toBe(true);
    // The old session does not come back; a new one works.
    expect((await identify({ staffSessionToken: boToken })).staff).toBeNull();
    expect((await actorOf(invited.id)).roles).toEqual(["team_lead"]);

    // Another organisation's staff member is not there for this administrator.
    await expect(changeStaffRole({ actor: admin, raw: { staffId: kari.id, role: "admin" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setStaffActive({ actor: admin, staffId: kari.id, active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses others than administrators, changes to oneself, and invalid input with each field's code", async () => {
    const org = await createOrganisation({ name: "Jobcenter Aarhus", country: "DK" });
    const cw = await addStaff({ organisationId: org.id, raw: { email: "cw@aarhus.example", name: "Cw", role: "caseworker" } });
    const ad = await addStaff({ organisationId: org.id, raw: { email: "ad@aarhus.example", name: "Ad", role: "admin" } });
    const caseworker = await actorOf(cw.id);
    const admin = await actorOf(ad.id);
    await expect(listStaff({ actor: caseworker })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      inviteStaff({ actor: caseworker, raw: { email: "x@y.example", name: "X", role: "admin" }, baseUrl: "http://x", locale: "en" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setStaffActive({ actor: admin, staffId: ad.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeStaffRole({ actor: admin, raw: { staffId: ad.id, role: "caseworker" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      inviteStaff({ actor: admin, raw: { email: "nope", name: " ", role: "boss" }, baseUrl: "http://x", locale: "en" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { email: "invalidEmail", name: "required", role: "enum" } });
    await expect(
      inviteStaff({
        actor: admin,
        raw: { email: "CW@aarhus.example", name: "Again", role: "caseworker" },
        baseUrl: "http://x",
        locale: "en",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { email: "alreadyStaff" } });
  });
});
