import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { POST } from "./route";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});
afterEach(() => vi.unstubAllEnvs());

const post = (origin = "http://localhost:3000") =>
  POST(new Request("http://localhost:3000/api/test-demo", { method: "POST", headers: { host: "localhost:3000", origin } }));

describe("POST /api/test-demo", () => {
  it("does not exist on a server started without the test clock (404)", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("STEPWISE_TEST_CLOCK", "");
    expect((await post()).status).toBe(404);
  });

  it("refuses a cross-origin request (403)", async () => {
    expect((await post("http://evil.example")).status).toBe(403);
  });

  it("seeds a fresh copy of the demo case each time, with its own meeting, links and signed agreement", async () => {
    const a = await post();
    const b = await post();
    expect(a.status).toBe(201);
    const [one, two] = [await a.json(), await b.json()];
    expect(one.meetingUrl).toMatch(/\/meetings\/[0-9a-f-]{36}$/);
    expect(one.links.employee).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
    expect(one.agreementBundles.length).toBeGreaterThan(0);
    expect(two.meetingUrl).not.toBe(one.meetingUrl);
    expect(two.caseUrl).not.toBe(one.caseUrl);
    // Each copy has its own Norwegian case too (e2e/demo-links.ts, ownNorwegianDemo).
    expect(one.no.meetingUrl).toMatch(/\/meetings\/[0-9a-f-]{36}$/);
    expect(one.no.links.manager).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
    expect(one.no.agreementBundles.length).toBeGreaterThan(0);
    expect(two.no.caseUrl).not.toBe(one.no.caseUrl);
  });
});
