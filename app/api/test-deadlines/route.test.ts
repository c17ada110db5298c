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

const post = (body: unknown) =>
  POST(
    new Request("http://localhost:3000/api/test-deadlines", {
      method: "POST",
      headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

describe("POST /api/test-deadlines", () => {
  it("does not exist on a server started without the test clock (404)", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("STEPWISE_TEST_CLOCK", "");
    expect((await post({ email: "x@kommune.example" })).status).toBe(404);
  });

  it("refuses a body without an address (400), else seeds three cases and answers their ids", async () => {
    expect((await post({ email: "nope" })).status).toBe(400);
    const res = await post({ email: "deadlines.route@kommune.example" });
    expect(res.status).toBe(201);
    expect(Object.keys(await res.json()).sort()).toEqual(["dkCaseId", "dkSoonCaseId", "noCaseId", "noEmail"]);
  });
});
