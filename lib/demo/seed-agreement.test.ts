import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyBundle } from "../agreements/bundle";
import { serverPublicKeys } from "../agreements/server-signing-key";
import { exportAgreementBundle } from "../agreements/export-agreement-bundle";
import { listAgreementVersions } from "../agreements/list-agreement-versions";
import { openJoinLink } from "../access/open-join-link";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { ensureDemo } from "./seed-demo";
import { meOfSession } from "../testing/actors";

let tdb: TestDatabase;
let dir: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "stepwise-demo-"));
});
afterAll(async () => {
  await tdb.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo's previous meeting", () => {
  it("ends in a binding agreement signed by caseworker, employee, manager and the union rep as supporter; its bundle URL is listed", async () => {
    const base = "http://demo.example:3000";
    const { links } = await ensureDemo({ dataDir: dir, baseUrl: base });
    const file = JSON.parse(readFileSync(path.join(dir, "demo-links.json"), "utf8")) as { agreementBundles: string[] };
    expect(file.agreementBundles).toHaveLength(1);
    expect(file.agreementBundles[0]).toMatch(new RegExp(`^${base}/api/agreements/[0-9a-f-]{36}/bundle$`));

    const token = new URL(links.links.manager).pathname.split("/").pop()!;
    const me = await meOfSession((await openJoinLink({ token, ip: null, userAgent: null })).sessionToken);
    const versions = await listAgreementVersions({ me });
    expect(versions.map((v) => v.state)).toEqual(["binding"]);
    const ageDays = (Date.now() - new Date(versions[0]!.sealedAt!).getTime()) / 86_400_000;
    expect(ageDays).toBeGreaterThan(26);
    expect(ageDays).toBeLessThan(30);

    const { bundle } = await exportAgreementBundle({ me, agreementId: versions[0]!.id });
    const check = verifyBundle(bundle, { trustedKeys: serverPublicKeys().keys });
    expect(check.valid).toBe(true);
    const signed = bundle.events.filter((e) => e.type === "signed").map((e) => [e.role, e.authMethod?.split(":")[0]]);
    expect(signed).toEqual([
      ["caseworker", "own-device"],
      ["union_rep", "own-device"],
      // Kurt and Lars signed at Mette's screen without a device of their own: the evidence says so.
      ["employee", "in-person-signer-not-connected-verified-by-caseworker"],
      ["manager", "in-person-signer-not-connected-verified-by-caseworker"],
    ]);

    // A restart re-bases the links and seeds nothing twice.
    await ensureDemo({ dataDir: dir, baseUrl: "http://other.example" });
    const again = JSON.parse(readFileSync(path.join(dir, "demo-links.json"), "utf8")) as { agreementBundles: string[] };
    expect(again.agreementBundles).toEqual([file.agreementBundles[0]!.replace(base, "http://other.example")]);
    expect(await listAgreementVersions({ me })).toHaveLength(1);
  });
});
