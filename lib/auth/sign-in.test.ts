import { readFileSync } from "node:fs";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listSessionsOfUser } from "@/db/queries/sessions";
import { countVerificationTokens, findUserByEmail, upsertStaffUser } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { httpStatusOf } from "../errors";
import { outboxDir } from "../mail/deliver-mail";
import { provisionCaseworker } from "./provision-caseworker";
import { requestSignInLink } from "./request-sign-in-link";
import { mayStaffSignIn } from "./may-staff-sign-in";
import { storedSessionToken } from "../access/session-token";
import { identify } from "../access/resolve-access";
import { authRequest, authSignIn, latestLinkFor, outboxFiles, sessionCookieOf, useTempDataDir } from "./testing";

let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});
afterEach(() => {
  vi.useRealTimers();
});

const send = (email: string) => authSignIn(email);
let ipCounter = 0;
/** A fresh IP per test, so the per-IP limit of one test does not spill into the next. */
const freshIp = () => `10.0.0.${++ipCounter}`;

describe("requestSignInLink", () => {
  it("refuses something that is no e-mail address (400)", async () => {
    await expect(requestSignInLink({ email: "not-an-address", ip: freshIp(), send })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { email: "invalid" },
    });
    await expect(requestSignInLink({ email: undefined, ip: freshIp(), send })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("gives an unknown address exactly the same answer, and sends, writes and stores nothing", async () => {
    const sent = vi.fn(send);
    const filesBefore = outboxFiles().length;
    const tokensBefore = await countVerificationTokens(tdb.handle.db);
    const answer = await requestSignInLink({ email: "nobody@kommune.example", ip: freshIp(), send: sent });
    expect(answer).toBeUndefined();
    expect(sent).not.toHaveBeenCalled();
    expect(outboxFiles().length).toBe(filesBefore);
    expect(await countVerificationTokens(tdb.handle.db)).toBe(tokensBefore);
    expect(await findUserByEmail(tdb.handle.db, "nobody@kommune.example")).toBeNull();

    // A known caseworker's address gets the very same answer (the mail is the only difference).
    await provisionCaseworker({ email: "known@kommune.example" });
    const known = await requestSignInLink({ email: "Known@Kommune.example ", ip: freshIp(), send });
    expect(known).toBe(answer);
  });

  it("writes a link for a provisioned caseworker to the outbox, with the address normalised", async () => {
    await provisionCaseworker({ email: "anne.holm@kommune.example" });
    const before = outboxFiles().length;
    await requestSignInLink({ email: "  Anne.Holm@KOMMUNE.example", ip: freshIp(), send });
    expect(outboxFiles().length).toBe(before + 1);
    const file = outboxFiles().find((f) => f.endsWith("-anne.holm@kommune.example.eml"))!;
    const text = readFileSync(path.join(outboxDir(), file), "utf8");
    expect(text).toMatch(/^To: anne\.holm@kommune\.example$/m);
    expect(text).toContain("15");
    const link = latestLinkFor("anne.holm@kommune.example");
    expect(link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/callback\/email\?/);
    expect(await countVerificationTokens(tdb.handle.db, "anne.holm@kommune.example")).toBe(1);
  });

  it("limits requests per address per hour with 429, known and unknown alike", async () => {
    const now = new Date("2030-01-01T10:05:00Z");
    for (const email of ["limit@kommune.example", "stranger@elsewhere.example"]) {
      for (let i = 0; i < 10; i++) await requestSignInLink({ email, ip: freshIp(), send: async () => {}, now });
      const over = requestSignInLink({ email, ip: freshIp(), send: async () => {}, now });
      await expect(over).rejects.toMatchObject({ code: "RATE_LIMITED" });
      expect(httpStatusOf.RATE_LIMITED).toBe(429);
      // The next clock hour starts a new window.
      await requestSignInLink({ email, ip: freshIp(), send: async () => {}, now: new Date("2030-01-01T11:00:01Z") });
    }
  });

  it("limits requests per IP address per hour, whatever the address", async () => {
    const now = new Date("2030-02-01T09:00:00Z");
    const ip = "192.0.2.77";
    for (let i = 0; i < 50; i++) await requestSignInLink({ email: `person${i}@x.example`, ip, send: async () => {}, now });
    await expect(requestSignInLink({ email: "one-more@x.example", ip, send: async () => {}, now })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await requestSignInLink({ email: "one-more@x.example", ip: "192.0.2.78", send: async () => {}, now });
  });
});

describe("the magic link", () => {
  it("signs a caseworker in once, with a database session stored only as a hash", async () => {
    const user = await provisionCaseworker({ email: "once@kommune.example" });
    await requestSignInLink({ email: "once@kommune.example", ip: freshIp(), send });
    const link = latestLinkFor("once@kommune.example");

    const first = await authRequest(link);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("http://localhost:3000/cases");
    const cookie = sessionCookieOf(first);
    expect(cookie).toBeTruthy();
    const token = cookie!.split("=")[1]!;
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await listSessionsOfUser(tdb.handle.db, user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.storedToken).toBe(storedSessionToken(token));
    expect(rows[0]!.storedToken).not.toContain(token);
    expect(rows[0]!.method).toBe("email-link");

    const again = await authRequest(link);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toMatch(/\/signin\?error=Verification/);
    expect(sessionCookieOf(again)).toBeNull();
    expect(await listSessionsOfUser(tdb.handle.db, user.id)).toHaveLength(1);
  });

  it("expires after 15 minutes", async () => {
    await provisionCaseworker({ email: "slow@kommune.example" });
    await requestSignInLink({ email: "slow@kommune.example", ip: freshIp(), send });
    const link = latestLinkFor("slow@kommune.example");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 16 * 60_000);
    const late = await authRequest(link);
    expect(late.headers.get("location")).toMatch(/\/signin\?error=Verification/);
    expect(sessionCookieOf(late)).toBeNull();
  });

  it("still works at 14 minutes", async () => {
    await provisionCaseworker({ email: "prompt@kommune.example" });
    await requestSignInLink({ email: "prompt@kommune.example", ip: freshIp(), send });
    const link = latestLinkFor("prompt@kommune.example");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 14 * 60_000);
    expect(sessionCookieOf(await authRequest(link))).toBeTruthy();
  });

  it("gives a session naming the staff member and how they signed in; sign-out deletes it", async () => {
    const user = await provisionCaseworker({ email: "session@kommune.example", name: "Sara Session" });
    await requestSignInLink({ email: "session@kommune.example", ip: freshIp(), send });
    const cookie = sessionCookieOf(await authRequest(latestLinkFor("session@kommune.example")))!;

    const session = await (await authRequest("/api/auth/session", { cookie })).json();
    expect(session).toMatchObject({
      user: { id: user.id, email: "session@kommune.example", name: "Sara Session" },
      staffRole: "caseworker",
      authMethod: "email-link",
    });
    const staffSessionToken = cookie.slice(cookie.indexOf("=") + 1);
    expect((await identify({ staffSessionToken })).staff).toMatchObject({
      kind: "staff",
      userId: user.id,
      email: "session@kommune.example",
      name: "Sara Session",
      roles: ["caseworker"],
      authMethod: "email-link",
    });
    expect(JSON.stringify(session)).not.toContain(cookie.split("=")[1]);

    const out = await authRequest("/api/auth/signout", {
      method: "POST",
      cookie,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ callbackUrl: "/signin" }),
    });
    expect(out.status).toBe(302);
    expect(await listSessionsOfUser(tdb.handle.db, user.id)).toHaveLength(0);
    // Replaying the old cookie opens nothing.
    const replay = await (await authRequest("/api/auth/session", { cookie })).json();
    expect(replay?.user ?? null).toBeNull();
    expect((await identify({ staffSessionToken })).staff).toBeNull();
  });
});

describe("mayStaffSignIn", () => {
  it("admits only users with a staff role, by account or by e-mail", async () => {
    const staff = await provisionCaseworker({ email: "ok@kommune.example" });
    const plain = await upsertStaffUser(tdb.handle.db, {
      email: "plain@kommune.example",
      name: null,
      staffRole: "caseworker",
      organisationId: (await bootstrapOrganisation(tdb.handle.db)).id,
    });
    expect(await mayStaffSignIn({ userId: staff.id })).toBe(true);
    expect(await mayStaffSignIn({ email: "OK@kommune.example" })).toBe(true);
    expect(await mayStaffSignIn({ userId: plain.id })).toBe(true);
    expect(await mayStaffSignIn({ email: "stranger@kommune.example" })).toBe(false);
    expect(await mayStaffSignIn({ userId: "no-such-user", email: null })).toBe(false);
  });
});
