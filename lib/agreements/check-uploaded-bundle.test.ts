import { describe, expect, it } from "vitest";
import { bundleToJson, buildBundle } from "./bundle";
import { checkUploadedBundle, MAX_BUNDLE_BYTES } from "./check-uploaded-bundle";
import { serverSigningKey } from "./server-signing-key";
import { makeTestBundle } from "./testing";

describe("checkUploadedBundle (the /verify page)", () => {
  it("says VALID and sealed here for a bundle sealed with this server's key", () => {
    const key = serverSigningKey();
    const { bundle } = makeTestBundle({ key });
    const r = checkUploadedBundle(bundleToJson(bundle));
    expect(r).toMatchObject({ status: "valid", currentKey: true, summary: { kid: key.kid } });
  });

  it("attack 12.5: a bundle re-sealed with a stranger's key is NOT VERIFIED (unknown key), never VALID", () => {
    const { bundle, key } = makeTestBundle();
    const r = checkUploadedBundle(bundleToJson(bundle));
    expect(r).toMatchObject({ status: "unknown_key", summary: { kid: key.kid }, problem: { code: "keyNotTrusted" } });
    expect((r as { valid?: unknown }).valid).not.toBe(true);
  });

  it("gives the technical reason in the reader's language", () => {
    const { bundle } = makeTestBundle();
    expect(checkUploadedBundle(bundleToJson(bundle), "da")).toMatchObject({
      why: expect.stringMatching(/^nøgle [0-9a-f]{16} er ikke en af de betroede nøgler$/),
    });
    expect(checkUploadedBundle(bundleToJson(bundle), "nb")).toMatchObject({
      why: expect.stringMatching(/^nøkkel [0-9a-f]{16} er ikke en av de klarerte nøklene$/),
    });
    expect(checkUploadedBundle("{not json", "da")).toMatchObject({ status: "invalid", why: "filen er ikke gyldig JSON" });
  });

  it("says INVALID with the reason for a changed bundle, and for a file that is not JSON", () => {
    const t = makeTestBundle({ key: serverSigningKey() });
    const changed = { ...t.bundle, events: t.bundle.events.map((e, i) => (i === 1 ? { ...e, name: "Someone else" } : e)) };
    const r = checkUploadedBundle(JSON.stringify(changed));
    expect(r).toMatchObject({ status: "invalid", why: expect.stringMatching(/event 2 \(signed\) was altered/) });
    expect(checkUploadedBundle("{not json")).toMatchObject({ status: "invalid", why: "the file is not valid JSON" });
    expect(() =>
      buildBundle({ ...t, agreement: { id: "x", caseId: "c", version: 1, canonical: t.canonical }, publicKey: t.key }),
    ).toThrow();
  });

  it("refuses a file larger than the cap before parsing it", () => {
    expect(() => checkUploadedBundle("x".repeat(MAX_BUNDLE_BYTES + 1))).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
