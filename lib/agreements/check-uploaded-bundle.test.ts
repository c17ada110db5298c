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
    expect(r).toMatchObject({ valid: true, sealedHere: true, currentKey: true, summary: { kid: key.kid } });
  });

  it("says VALID but not sealed here for an intact bundle with a foreign key", () => {
    const { bundle } = makeTestBundle();
    expect(checkUploadedBundle(bundleToJson(bundle))).toMatchObject({ valid: true, sealedHere: false });
  });

  it("says INVALID with the reason for a changed bundle, and for a file that is not JSON", () => {
    const t = makeTestBundle({ key: serverSigningKey() });
    const changed = { ...t.bundle, events: t.bundle.events.map((e, i) => (i === 1 ? { ...e, name: "Someone else" } : e)) };
    const r = checkUploadedBundle(JSON.stringify(changed));
    expect(r.valid).toBe(false);
    expect(!r.valid && r.why).toMatch(/event 2 \(signed\) was altered/);
    expect(checkUploadedBundle("{not json")).toEqual({ valid: false, why: "the file is not valid JSON" });
    expect(() => buildBundle({ ...t, agreement: { id: "x", caseId: "c", version: 1, canonical: t.canonical }, publicKey: t.key })).toThrow();
  });

  it("refuses a file larger than the cap before parsing it", () => {
    expect(() => checkUploadedBundle("x".repeat(MAX_BUNDLE_BYTES + 1))).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
