import { generateKeyPairSync, verify as nodeVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ED25519_ORDER,
  hasCanonicalScalar,
  privateKeyFromSeed,
  publicKeyFromRaw,
  rawPublicKey,
  signEd25519,
  verifyEd25519,
} from "./ed25519";

const hex = (s: string) => new Uint8Array(Buffer.from(s, "hex"));

/** RFC 8032 §7.1, TEST 1–3 (secret key = 32-byte seed). */
const RFC8032_VECTORS = [
  {
    name: "TEST 1 (empty message)",
    secretKey: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    message: "",
    signature:
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
  },
  {
    name: "TEST 2 (one byte)",
    secretKey: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
    message: "72",
    signature:
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
  },
  {
    name: "TEST 3 (two bytes)",
    secretKey: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
    publicKey: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
    message: "af82",
    signature:
      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
  },
];

/** The signature with S replaced by S + L: the same point equation, a second spelling. */
function withScalarPlusOrder(signature: Uint8Array): Uint8Array {
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]!);
  let t = s + ED25519_ORDER;
  expect(t < 2n ** 256n).toBe(true);
  const out = new Uint8Array(signature);
  for (let i = 32; i < 64; i++) {
    out[i] = Number(t & 0xffn);
    t >>= 8n;
  }
  return out;
}

describe("Ed25519", () => {
  it.each(RFC8032_VECTORS)("reproduces RFC 8032 §7.1 $name exactly from the secret key", (v) => {
    const key = privateKeyFromSeed(hex(v.secretKey));
    expect(Buffer.from(rawPublicKey(key)).toString("hex")).toBe(v.publicKey);
    expect(Buffer.from(signEd25519(key, hex(v.message))).toString("hex")).toBe(v.signature);
  });

  it.each(RFC8032_VECTORS)("accepts RFC 8032 §7.1 $name with the raw public key, and nothing altered", (v) => {
    const pub = hex(v.publicKey);
    const sig = hex(v.signature);
    expect(verifyEd25519(pub, hex(v.message), sig)).toBe(true);
    expect(verifyEd25519(pub, new Uint8Array([...hex(v.message), 0]), sig)).toBe(false);
    const flipped = new Uint8Array(sig);
    flipped[10]! ^= 0x01;
    expect(verifyEd25519(pub, hex(v.message), flipped)).toBe(false);
  });

  it("rejects a signature whose S is replaced by S + L (malleability, RFC 8032 §5.1.7)", () => {
    for (const v of RFC8032_VECTORS) {
      const malleated = withScalarPlusOrder(hex(v.signature));
      expect(hasCanonicalScalar(hex(v.signature))).toBe(true);
      expect(hasCanonicalScalar(malleated)).toBe(false);
      expect(verifyEd25519(hex(v.publicKey), hex(v.message), malleated)).toBe(false);
      // Node's OpenSSL refuses it too (checked so we notice if that ever changes); our own check
      // does not depend on it.
      expect(nodeVerify(null, hex(v.message), publicKeyFromRaw(hex(v.publicKey)), malleated)).toBe(false);
    }
  });

  it("treats S = L and S = L - 1 at the boundary correctly", () => {
    const sig = new Uint8Array(64);
    let t = ED25519_ORDER;
    for (let i = 32; i < 64; i++, t >>= 8n) sig[i] = Number(t & 0xffn);
    expect(hasCanonicalScalar(sig)).toBe(false);
    sig[32]! -= 1;
    expect(hasCanonicalScalar(sig)).toBe(true);
  });

  it("answers false, never throws, for malformed keys and signatures", () => {
    const v = RFC8032_VECTORS[0]!;
    expect(verifyEd25519(hex(v.publicKey), new Uint8Array(), hex(v.signature).subarray(0, 63))).toBe(false);
    expect(verifyEd25519(hex(v.publicKey).subarray(0, 31), new Uint8Array(), hex(v.signature))).toBe(false);
    expect(verifyEd25519(new Uint8Array(32).fill(0xff), new Uint8Array(), hex(v.signature))).toBe(false);
    expect(verifyEd25519(generateKeyPairSync("ed448").publicKey, new Uint8Array(), hex(v.signature))).toBe(false);
  });

  it("signs and verifies with generated keys through the raw 32-byte public key", () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const message = new TextEncoder().encode("the agreement");
    const signature = signEd25519(privateKey, message);
    expect(signature).toHaveLength(64);
    expect(verifyEd25519(rawPublicKey(privateKey), message, signature)).toBe(true);
    expect(verifyEd25519(rawPublicKey(generateKeyPairSync("ed25519").privateKey), message, signature)).toBe(false);
  });
});
