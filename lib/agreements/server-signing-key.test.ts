import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { publishedKeys, serverSigningKey, trustedKeyFingerprints } from "./server-signing-key";

describe("this server's trusted keys, for people to compare", () => {
  it("publishes each key with its SHA-256 fingerprint, whose first 16 digits are the key id", () => {
    const key = serverSigningKey();
    const published = publishedKeys().keys.find((k) => k.kid === key.kid)!;
    const expected = createHash("sha256").update(Buffer.from(key.publicKey, "base64url")).digest("hex");
    expect(published).toMatchObject({ kid: key.kid, publicKey: key.publicKey, current: true, fingerprint: expected });
    expect(expected.slice(0, 16)).toBe(key.kid);
  });

  it("gives the PDF the fingerprint of the key that sealed an agreement, grouped for reading aloud", () => {
    const key = serverSigningKey();
    const [one, ...rest] = trustedKeyFingerprints(key.kid);
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ kid: key.kid, current: true });
    expect(one!.grouped.replaceAll(" ", "")).toBe(one!.fingerprint);
    expect(one!.grouped).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(trustedKeyFingerprints("0000000000000000")).toEqual([]);
  });
});
