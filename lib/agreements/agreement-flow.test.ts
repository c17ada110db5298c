import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findAgreement, listAgreementEvents } from "@/db/queries/agreements";
import { goalText } from "../collab/plan";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { bindAgreement } from "./bind-agreement";
import { verifyBundle } from "./bundle";
import { declineAgreement } from "./decline-agreement";
import { exportAgreementBundle } from "./export-agreement-bundle";
import { sha256Hex } from "./fingerprint";
import { readFrozenDocument } from "./frozen-document";
import { getAgreementForParticipant } from "./get-agreement-for-participant";
import { prepareAgreement } from "./prepare-agreement";
import { serverPublicKeys } from "./server-signing-key";
import { signAgreement } from "./sign-agreement";
import { CLIENT, createAgreementFixture, editMeeting, type AgreementFixture } from "./test-fixtures";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const own = (name: string) => ({ mode: "own-device" as const, typedName: name });
const atScreen = (fx: AgreementFixture, role: "employee" | "manager" | "union_rep", typedName = fx.names[role]) => ({
  mode: "shared-screen" as const,
  signerParticipantId: fx.participants[role].id,
  typedName,
  identityChecked: true,
});

async function prepared(opts: { unionRepSigns?: boolean } = {}) {
  const fx = await createAgreementFixture();
  const v = await prepareAgreement({
    me: fx.actors.caseworker,
    meetingId: fx.meetingId,
    unionRepSigns: opts.unionRepSigns ?? false,
    client: CLIENT,
  });
  return { fx, v };
}

describe("prepareAgreement", () => {
  it("freezes the stored plan with labels in every language, and stores bytes whose hash is the fingerprint", async () => {
    const { fx, v } = await prepared({ unionRepSigns: true });
    const row = (await findAgreement(await getDb(), v.agreementId))!;
    expect(sha256Hex(row.canonical)).toBe(v.fingerprint);
    expect(row.fingerprint).toBe(v.fingerprint);
    const doc = readFrozenDocument(row.canonical);
    expect(doc.requiredSigners).toEqual(["caseworker", "employee", "manager"]);
    expect(doc.supporters).toEqual(["union_rep"]);
    expect(doc.parties.map((p) => [p.role, p.signs])).toEqual([
      ["caseworker", "required"],
      ["employee", "required"],
      ["manager", "required"],
      ["union_rep", "supporter"],
    ]);
    const da = JSON.stringify(doc.presentation.da);
    expect(da).toContain("Tilbage i eget job som lagermedarbejder");
    expect(da).toContain("Virksomhedspraktik som forløber for delvis raskmelding"); // step 3's meaning, as shown
    expect(da).toContain(fx.names.manager); // an action's owner by name, not by id
    expect(JSON.stringify(doc.presentation.nb)).toContain("Arbeidstrening");
    expect(JSON.stringify(doc.presentation.en)).toContain("Step 3");
    const events = await listAgreementEvents(await getDb(), v.agreementId);
    expect(events.map((e) => e.type)).toEqual(["prepared"]);
  });

  it("is for the chair only: the employee may not prepare (403)", async () => {
    const fx = await createAgreementFixture();
    await expect(
      prepareAgreement({ me: fx.actors.employee, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a second version 1 (409): a change is an amendment with a reason", async () => {
    const { fx } = await prepared();
    await expect(
      prepareAgreement({ me: fx.actors.manager, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("leaves the version untouched when the room goes on changing", async () => {
    const { fx, v } = await prepared();
    const before = (await findAgreement(await getDb(), v.agreementId))!.canonical;
    await editMeeting(fx.meetingId, (doc) => goalText(doc).insert(0, "CHANGED LATER "));
    const after = await getAgreementForParticipant({ me: fx.actors.employee, agreementId: v.agreementId, locale: "da" });
    expect(Buffer.from((await findAgreement(await getDb(), v.agreementId))!.canonical).equals(Buffer.from(before))).toBe(true);
    expect(JSON.stringify(after.presentation)).not.toContain("CHANGED LATER");
  });
});

describe("signing", () => {
  it("prepare → caseworker, employee and manager sign → the server seals it; it is binding and its bundle verifies", async () => {
    const { fx, v } = await prepared();
    const first = await signAgreement({
      me: fx.actors.caseworker,
      agreementId: v.agreementId,
      confirmation: own(fx.names.caseworker),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    expect(first.sealed).toBe(false);
    await signAgreement({
      me: fx.actors.caseworker,
      agreementId: v.agreementId,
      confirmation: atScreen(fx, "employee", ` ${fx.names.employee.toUpperCase()} `),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    const last = await signAgreement({
      me: fx.actors.manager,
      agreementId: v.agreementId,
      confirmation: own(fx.names.manager),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    expect(last.sealed).toBe(true);

    const view = await getAgreementForParticipant({ me: fx.actors.employee, agreementId: v.agreementId, locale: "en" });
    expect(view.state).toBe("binding");
    expect(view.parties.filter((p) => p.signs === "required").every((p) => p.state === "signed")).toBe(true);
    const events = await listAgreementEvents(await getDb(), v.agreementId);
    expect(events.map((e) => e.type)).toEqual(["prepared", "signed", "signed", "signed", "sealed"]);

    const { bundle } = await exportAgreementBundle({ me: fx.actors.manager, agreementId: v.agreementId });
    const check = verifyBundle(bundle, { trustedKeys: serverPublicKeys().keys });
    expect(check).toMatchObject({ valid: true, summary: { keyTrusted: true, version: 1 } });
    const employee = bundle.events.find((e) => e.role === "employee")!;
    // Kurt never connected to the meeting's room here (no device): the evidence says so.
    expect(employee.authMethod).toBe(`in-person-signer-not-connected-verified-by-caseworker:${fx.participants.caseworker.id}`);
    expect(employee).toMatchObject({ shownHash: v.fingerprint, name: fx.names.employee });
    expect(bundle.events.find((e) => e.role === "manager")!.authMethod).toBe("own-device:join-link");
  });

  it("refuses a signature over a different fingerprint than the version's (409)", async () => {
    const { fx, v } = await prepared();
    const other = sha256Hex(new TextEncoder().encode("something else"));
    await expect(
      signAgreement({
        me: fx.actors.employee,
        agreementId: v.agreementId,
        confirmation: own(fx.names.employee),
        readAndAgreed: true,
        shownHash: other,
        client: CLIENT,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { shownHash: "mismatch" } });
    expect((await listAgreementEvents(await getDb(), v.agreementId)).length).toBe(1);
  });

  it("asks a sign-in older than 15 minutes that was never in the meeting's room for a fresh one (401 stale)", async () => {
    const { fx, v } = await prepared();
    const later = new Date(fx.actors.employee.actor.authenticatedAt.getTime() + 16 * 60_000);
    await expect(
      signAgreement({
        me: fx.actors.employee,
        agreementId: v.agreementId,
        confirmation: own(fx.names.employee),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
        now: later,
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", details: { session: "stale" } });
  });

  it("refuses a typed name that is not the registered one, and a missing 'I agree'", async () => {
    const { fx, v } = await prepared();
    const base = { me: fx.actors.employee, agreementId: v.agreementId, shownHash: v.fingerprint, client: CLIENT };
    await expect(signAgreement({ ...base, confirmation: own("Someone Else"), readAndAgreed: true })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { typedName: "mismatch" },
    });
    await expect(signAgreement({ ...base, confirmation: own(fx.names.employee), readAndAgreed: false })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { readAndAgreed: "required" },
    });
  });

  it("takes signatures in turn only at the caseworker's screen, and only with the identity check confirmed", async () => {
    const { fx, v } = await prepared();
    const base = { agreementId: v.agreementId, readAndAgreed: true, shownHash: v.fingerprint, client: CLIENT };
    await expect(signAgreement({ ...base, me: fx.actors.manager, confirmation: atScreen(fx, "employee") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      signAgreement({ ...base, me: fx.actors.caseworker, confirmation: { ...atScreen(fx, "employee"), identityChecked: false } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { identityChecked: "required" },
    });
  });

  it("refuses people who are not asked to sign (the observer; the union rep when not chosen as supporter)", async () => {
    const { fx, v } = await prepared({ unionRepSigns: false });
    const base = { agreementId: v.agreementId, readAndAgreed: true, shownHash: v.fingerprint, client: CLIENT };
    await expect(signAgreement({ ...base, me: fx.actors.observer, confirmation: own(fx.names.observer) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(signAgreement({ ...base, me: fx.actors.union_rep, confirmation: own(fx.names.union_rep) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("takes two signatures made at the same moment, in one unbroken chain", async () => {
    const { fx, v } = await prepared();
    await Promise.all(
      (["employee", "manager"] as const).map((role) =>
        signAgreement({
          me: fx.actors[role],
          agreementId: v.agreementId,
          confirmation: own(fx.names[role]),
          readAndAgreed: true,
          shownHash: v.fingerprint,
          client: CLIENT,
        }),
      ),
    );
    const r = await signAgreement({
      me: fx.actors.caseworker,
      agreementId: v.agreementId,
      confirmation: own(fx.names.caseworker),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    expect(r.sealed).toBe(true);
    expect((await listAgreementEvents(await getDb(), v.agreementId)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses signing twice", async () => {
    const { fx, v } = await prepared();
    const input = {
      me: fx.actors.employee,
      agreementId: v.agreementId,
      confirmation: own(fx.names.employee),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    };
    await signAgreement(input);
    await expect(signAgreement(input)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("declineAgreement", () => {
  it("records the decline with its reason; the version cannot bind while a required signer declines", async () => {
    const { fx, v } = await prepared();
    const base = { agreementId: v.agreementId, shownHash: v.fingerprint, client: CLIENT };
    await expect(
      declineAgreement({ ...base, me: fx.actors.employee, confirmation: own(fx.names.employee), reason: "   " }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { reason: "required" },
    });
    await declineAgreement({
      ...base,
      me: fx.actors.employee,
      confirmation: own(fx.names.employee),
      reason: "15 hours is too many in the first week",
    });
    await signAgreement({ ...base, me: fx.actors.caseworker, confirmation: own(fx.names.caseworker), readAndAgreed: true });
    await signAgreement({ ...base, me: fx.actors.manager, confirmation: own(fx.names.manager), readAndAgreed: true });
    const view = await getAgreementForParticipant({ me: fx.actors.manager, agreementId: v.agreementId, locale: "en", withDocument: false });
    expect(view.state).toBe("awaiting_signatures");
    expect(view.parties.find((p) => p.role === "employee")).toMatchObject({
      state: "declined",
      reason: "15 hours is too many in the first week",
    });
    await expect(bindAgreement({ me: fx.actors.caseworker, agreementId: v.agreementId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("bindAgreement", () => {
  it("refuses to seal while a required signer is missing (409)", async () => {
    const { fx, v } = await prepared();
    await signAgreement({
      me: fx.actors.caseworker,
      agreementId: v.agreementId,
      confirmation: own(fx.names.caseworker),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    await expect(bindAgreement({ me: fx.actors.caseworker, agreementId: v.agreementId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await findAgreement(await getDb(), v.agreementId))!.sealedAt).toBeNull();
  });

  it("waits for an undecided supporter, and the chair may then make it binding", async () => {
    const { fx, v } = await prepared({ unionRepSigns: true });
    for (const role of ["caseworker", "employee", "manager"] as const) {
      const r = await signAgreement({
        me: fx.actors[role],
        agreementId: v.agreementId,
        confirmation: own(fx.names[role]),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
      });
      expect(r.sealed).toBe(false);
    }
    const view = await getAgreementForParticipant({ me: fx.actors.manager, agreementId: v.agreementId, locale: "en", withDocument: false });
    expect(view.readyToBind).toBe(true);
    await expect(bindAgreement({ me: fx.actors.employee, agreementId: v.agreementId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await bindAgreement({ me: fx.actors.manager, agreementId: v.agreementId });
    await expect(bindAgreement({ me: fx.actors.manager, agreementId: v.agreementId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      signAgreement({
        me: fx.actors.union_rep,
        agreementId: v.agreementId,
        confirmation: own(fx.names.union_rep),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { version: "sealed" } });
  });

  it("seals by itself when the supporter signs last", async () => {
    const { fx, v } = await prepared({ unionRepSigns: true });
    for (const role of ["caseworker", "employee", "manager"] as const) {
      await signAgreement({
        me: fx.actors[role],
        agreementId: v.agreementId,
        confirmation: own(fx.names[role]),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
      });
    }
    const r = await signAgreement({
      me: fx.actors.union_rep,
      agreementId: v.agreementId,
      confirmation: own(fx.names.union_rep),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    expect(r.sealed).toBe(true);
    const { bundle } = await exportAgreementBundle({ me: fx.actors.union_rep, agreementId: v.agreementId });
    expect(verifyBundle(bundle, { trustedKeys: serverPublicKeys().keys })).toMatchObject({ valid: true });
    expect(bundle.events.filter((e) => e.type === "signed").map((e) => e.role)).toEqual(["caseworker", "employee", "manager", "union_rep"]);
  });
});

describe("access", () => {
  it("answers another case's participant with 403 and an unknown id with 404", async () => {
    const { v } = await prepared();
    const other = await createAgreementFixture();
    await expect(getAgreementForParticipant({ me: other.actors.employee, agreementId: v.agreementId, locale: "da" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(
      getAgreementForParticipant({ me: other.actors.employee, agreementId: "00000000-0000-4000-8000-000000000000", locale: "da" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      signAgreement({
        me: other.actors.employee,
        agreementId: v.agreementId,
        confirmation: own(other.names.employee),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("has no bundle before it is sealed (409)", async () => {
    const { fx, v } = await prepared();
    await expect(exportAgreementBundle({ me: fx.actors.employee, agreementId: v.agreementId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
