import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUNDLE_FORMAT, LEGACY_BUNDLE_FORMAT, buildBundle, bundleToJson, verifyBundle, type AgreementBundle } from "./bundle";
import { appendEvent, eventHash, type LegacyEvent, type SignatureEvent } from "./event-chain";
import { sha256Hex } from "./fingerprint";
import { createSeal } from "./seal";
import { findPublicKey, loadOrCreateSigningKey, publicKeys, rotateSigningKey, type SigningKey } from "./signing-keys";
import { makeTestBundle, makeTestSigningKey } from "./testing";

const clone = (b: AgreementBundle): AgreementBundle => structuredClone(b);

function expectInvalid(bundle: unknown, why?: RegExp, opts?: Parameters<typeof verifyBundle>[1]): void {
  const result = verifyBundle(bundle, opts);
  expect(result.status, JSON.stringify(result)).toBe("invalid");
  if (!result.valid && why) expect(result.why).toMatch(why);
}

const trustedOf = (key: SigningKey) => ({ trustedKeys: [{ kid: key.kid, publicKey: key.publicKey }] });

/** A bundle built honestly, with the real key, around whatever bytes and chain we choose. */
function sealAround(canonical: Uint8Array, key: SigningKey, build?: (fp: string, events: SignatureEvent[]) => void): AgreementBundle {
  const fingerprint = sha256Hex(canonical);
  const events: SignatureEvent[] = [];
  const at = (m: number) => new Date(Date.UTC(2025, 2, 4, 9, m));
  events.push(
    appendEvent(fingerprint, events, { type: "prepared", at: at(0), participantId: "cw", role: "caseworker", shownHash: fingerprint }),
  );
  if (build) build(fingerprint, events);
  else {
    for (const role of ["employee", "manager", "caseworker"]) {
      events.push(
        appendEvent(fingerprint, events, {
          type: "signed",
          at: at(events.length),
          participantId: role,
          role,
          authMethod: "join-link",
          shownHash: fingerprint,
        }),
      );
    }
  }
  const sealed = appendEvent(fingerprint, events, { type: "sealed", at: at(events.length) });
  events.push(sealed);
  const seal = createSeal({ fingerprint, chainHead: sealed.hash, sealedAt: sealed.at, key });
  const doc = JSON.parse(new TextDecoder().decode(canonical)) as { agreementId: string; caseId: string; version: number };
  return {
    format: BUNDLE_FORMAT,
    agreement: {
      id: doc.agreementId,
      caseId: doc.caseId,
      version: doc.version,
      canonical: Buffer.from(canonical).toString("base64"),
      fingerprint,
    },
    events,
    seal,
    publicKey: { kid: key.kid, alg: "Ed25519", publicKey: key.publicKey },
  };
}

const EVENT_FIELDS = [
  "seq",
  "type",
  "at",
  "participantId",
  "role",
  "name",
  "authMethod",
  "client",
  "shownHash",
  "reason",
  "prevHash",
  "hash",
] as const;

function changedField(e: SignatureEvent, field: (typeof EVENT_FIELDS)[number]): SignatureEvent {
  switch (field) {
    case "seq":
      return { ...e, seq: e.seq + 1 };
    case "type":
      return { ...e, type: e.type === "signed" ? "declined" : "signed" };
    case "at":
      return { ...e, at: new Date(Date.parse(e.at) + 1000).toISOString() };
    case "shownHash":
    case "prevHash":
    case "hash":
    case "client":
      return { ...e, [field]: sha256Hex(new TextEncoder().encode(field)) };
    default: {
      const value = (e as Record<string, unknown>)[field];
      return { ...e, [field]: value === null ? "changed" : `${String(value)}!` };
    }
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("verification bundle", () => {
  it("verifies an honest bundle against the issuer's keys and summarises who signed, how and when", () => {
    const { bundle, key, fingerprint } = makeTestBundle();
    const result = verifyBundle(JSON.parse(bundleToJson(bundle)), trustedOf(key));
    expect(result).toEqual({
      valid: true,
      status: "valid",
      summary: {
        format: BUNDLE_FORMAT,
        agreementId: "agreement-test-1",
        caseId: "case-test-1",
        version: 1,
        fingerprint,
        requiredSigners: ["employee", "manager", "caseworker"],
        signers: [
          { role: "employee", name: "Kurt", participantId: "p-employee", authMethod: "join-link", at: "2025-03-04T09:01:00.000Z" },
          { role: "manager", name: "Lars", participantId: "p-manager", authMethod: "join-link", at: "2025-03-04T09:02:00.000Z" },
          { role: "caseworker", name: "Mette", participantId: "p-caseworker", authMethod: "oidc", at: "2025-03-04T09:03:00.000Z" },
          { role: "union_rep", name: "Susanne", participantId: "p-union", authMethod: "email-link", at: "2025-03-04T09:04:00.000Z" },
        ],
        kid: key.kid,
        keyFingerprint: sha256Hex(Buffer.from(key.publicKey, "base64url")),
        sealedAt: "2025-03-04T09:05:00.000Z",
        keyTrusted: true,
        evidence: "redacted",
      },
    });
  });

  it("attack 12.5: a bundle re-sealed with a stranger's key is not VALID, with or without trusted keys", () => {
    const { key, document } = makeTestBundle();
    // Someone edits the agreement and seals it again with their own key: consistent on its own…
    const forged = makeTestBundle({ content: { ...document, plan: { goal: "Full time from Monday" } } }).bundle;
    const unchecked = verifyBundle(forged);
    expect(unchecked).toMatchObject({ valid: false, status: "unknown_key", problem: { code: "noTrustedKeys" } });
    const checked = verifyBundle(forged, trustedOf(key));
    expect(checked).toMatchObject({
      valid: false,
      status: "unknown_key",
      problem: { code: "keyNotTrusted" },
      why: expect.stringMatching(/is not one of the trusted keys/),
    });
  });

  it("is INVALID when any single byte of the canonical document is flipped", () => {
    const { bundle, canonical } = makeTestBundle();
    for (let i = 0; i < canonical.length; i++) {
      const bytes = new Uint8Array(canonical);
      bytes[i]! ^= 0x01;
      const tampered = clone(bundle);
      tampered.agreement.canonical = Buffer.from(bytes).toString("base64");
      expectInvalid(tampered);
      // Also when the tamperer updates the fingerprint to match the new bytes.
      tampered.agreement.fingerprint = sha256Hex(bytes);
      expectInvalid(tampered);
    }
  });

  it("is INVALID when the document is edited and the fingerprint and chain rebuilt, without the key", () => {
    const { bundle, canonical, key } = makeTestBundle();
    const text = new TextDecoder().decode(canonical).replace("30 hours", "37 hours");
    const forged = sealAround(new TextEncoder().encode(text), makeTestSigningKey());
    forged.seal.kid = key.kid;
    forged.publicKey = bundle.publicKey;
    expectInvalid(forged, /seal signature does not verify/);
  });

  it("is INVALID when the canonical bytes are not canonical, even if everything else was sealed around them", () => {
    const { document, key } = makeTestBundle();
    const pretty = new TextEncoder().encode(JSON.stringify(document, null, 2));
    expectInvalid(sealAround(pretty, key), /not canonical JSON/);
    const reordered = new TextEncoder().encode(JSON.stringify(Object.fromEntries(Object.entries(document).reverse())));
    expectInvalid(sealAround(reordered, key), /not canonical JSON/);
  });

  it("is INVALID when the base64 of the document is respelled", () => {
    const { bundle } = makeTestBundle();
    const tampered = clone(bundle);
    tampered.agreement.canonical = `${bundle.agreement.canonical.slice(0, 8)}\n${bundle.agreement.canonical.slice(8)}`;
    expectInvalid(tampered, /base64/);
  });

  it("is INVALID when the fingerprint alone is changed", () => {
    const { bundle } = makeTestBundle();
    const tampered = clone(bundle);
    tampered.agreement.fingerprint = sha256Hex(new Uint8Array([1]));
    expectInvalid(tampered, /fingerprint/);
  });

  it.each([
    ["id", "agreement-test-2"],
    ["caseId", "case-other"],
    ["version", 2],
  ] as const)("is INVALID when agreement.%s disagrees with the signed document", (field, value) => {
    const tampered = clone(makeTestBundle().bundle);
    (tampered.agreement as Record<string, unknown>)[field] = value;
    expectInvalid(tampered, new RegExp(`agreement\\.${field}`));
  });

  it.each(EVENT_FIELDS)("is INVALID when the %s of any event is changed", (field) => {
    const { bundle } = makeTestBundle();
    for (let i = 0; i < bundle.events.length; i++) {
      const tampered = clone(bundle);
      tampered.events[i] = changedField(tampered.events[i]!, field);
      expectInvalid(tampered);
    }
  });

  it("is INVALID when any two events are swapped", () => {
    const { bundle } = makeTestBundle();
    const n = bundle.events.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const tampered = clone(bundle);
        [tampered.events[i], tampered.events[j]] = [tampered.events[j]!, tampered.events[i]!];
        expectInvalid(tampered);
      }
    }
  });

  it("is INVALID when any event is dropped", () => {
    const { bundle } = makeTestBundle();
    for (let i = 0; i < bundle.events.length; i++) {
      const tampered = clone(bundle);
      tampered.events.splice(i, 1);
      expectInvalid(tampered);
    }
    const empty = clone(bundle);
    empty.events = [];
    expectInvalid(empty, /events/);
  });

  it("is INVALID when an event is added after the seal", () => {
    const { bundle, fingerprint } = makeTestBundle();
    const events = bundle.events.slice(0, -1);
    const extra = appendEvent(fingerprint, events, {
      type: "declined",
      at: "2025-03-04T09:30:00.000Z",
      participantId: "p-employee",
      role: "employee",
      authMethod: "join-link",
      shownHash: fingerprint,
      reason: "no",
    });
    const tampered = clone(bundle);
    tampered.events.push({ ...extra, seq: bundle.events.length + 1, prevHash: bundle.events.at(-1)!.hash });
    expectInvalid(tampered);
  });

  it("is INVALID when any byte of the seal signature changes", () => {
    const { bundle } = makeTestBundle();
    const sig = Buffer.from(bundle.seal.signature, "base64url");
    for (let i = 0; i < sig.length; i++) {
      const bytes = Buffer.from(sig);
      bytes[i]! ^= 0x80;
      const tampered = clone(bundle);
      tampered.seal.signature = bytes.toString("base64url");
      expectInvalid(tampered, /seal signature/);
    }
  });

  it("is INVALID when the seal's time or chain head changes", () => {
    const { bundle } = makeTestBundle();
    const t1 = clone(bundle);
    t1.seal.sealedAt = "2025-03-04T09:05:00.001Z";
    expectInvalid(t1, /seal time/);
    const t2 = clone(bundle);
    t2.seal.chainHead = bundle.events.at(-2)!.hash;
    expectInvalid(t2, /chain head/);
  });

  it("is INVALID when the kid changes, in the seal or the public key", () => {
    const { bundle } = makeTestBundle();
    const other = makeTestSigningKey().kid;
    const t1 = clone(bundle);
    t1.seal.kid = other;
    expectInvalid(t1, /seal names key/);
    const t2 = clone(bundle);
    t2.publicKey.kid = other;
    expectInvalid(t2, /not the id of the included key/);
    const t3 = clone(bundle);
    t3.seal.kid = other;
    t3.publicKey.kid = other;
    expectInvalid(t3, /not the id of the included key/);
  });

  it("is INVALID when the public key is replaced by another key", () => {
    const { bundle } = makeTestBundle();
    const other = makeTestSigningKey();
    const keyOnly = clone(bundle);
    keyOnly.publicKey.publicKey = other.publicKey;
    expectInvalid(keyOnly, /not the id of the included key/);
    const keyAndKid = clone(bundle);
    keyAndKid.publicKey = { kid: other.kid, alg: "Ed25519", publicKey: other.publicKey };
    expectInvalid(keyAndKid, /seal names key/);
    const everything = clone(keyAndKid);
    everything.seal.kid = other.kid;
    expectInvalid(everything, /seal signature does not verify/);
  });

  it("is INVALID when a required signer never signed, even if sealed by the real key", () => {
    const { document, key, canonical } = makeTestBundle();
    expect(document.requiredSigners).toContain("manager");
    const bundle = sealAround(canonical, key, (fp, events) => {
      for (const role of ["employee", "caseworker"]) {
        events.push(
          appendEvent(fp, events, {
            type: "signed",
            at: new Date(Date.UTC(2025, 2, 4, 9, events.length)),
            participantId: role,
            role,
            authMethod: "join-link",
            shownHash: fp,
          }),
        );
      }
    });
    expectInvalid(bundle, /not every required signer signed: Manager \(has not signed\)/);
  });

  it("is INVALID when a signature records that the signer was shown something else", () => {
    const { bundle, key, fingerprint } = makeTestBundle();
    const otherVersion = sha256Hex(new Uint8Array([9]));
    // appendEvent refuses such a signature, so build the chain by hand, as a holder of the key could.
    const events: SignatureEvent[] = [];
    for (const e of bundle.events.slice(0, -1)) {
      const { hash: _hash, ...rest } = e;
      const unhashed = {
        ...rest,
        shownHash: e.type === "signed" && e.role === "employee" ? otherVersion : e.shownHash,
        prevHash: events.at(-1)?.hash ?? fingerprint,
      };
      events.push({ ...unhashed, hash: eventHash(unhashed) });
    }
    const sealed = appendEvent(fingerprint, events, { type: "sealed", at: "2025-03-04T09:05:00.000Z" });
    events.push(sealed);
    const tampered = { ...clone(bundle), events, seal: createSeal({ fingerprint, chainHead: sealed.hash, sealedAt: sealed.at, key }) };
    expectInvalid(tampered, /Employee signed something other than this agreement/);
  });

  it("is INVALID when the bundle is not a bundle or carries extra fields", () => {
    const { bundle } = makeTestBundle();
    expectInvalid(null, /not a JSON object/);
    expectInvalid([bundle], /not a JSON object/);
    expectInvalid({ ...bundle, format: "stepwise-agreement-bundle/3" }, /format/);
    expectInvalid({ ...bundle, note: "trust me" }, /malformed bundle/);
    expectInvalid({ ...bundle, seal: { ...bundle.seal, comment: "x" } }, /malformed bundle at seal/);
    expectInvalid({ ...bundle, events: bundle.events.map((e, i) => (i === 1 ? { ...e, extra: 1 } : e)) }, /malformed bundle at events\.1/);
  });

  it("checks the key against trusted keys: an intact bundle is VALID only with a trusted key", () => {
    const { bundle, key } = makeTestBundle();
    expect(verifyBundle(bundle, trustedOf(key))).toMatchObject({ valid: true, status: "valid", summary: { keyTrusted: true } });
    expect(verifyBundle(bundle)).toMatchObject({ valid: false, status: "unknown_key", summary: { keyTrusted: false, kid: key.kid } });
    expect(verifyBundle(bundle, { trustedKeys: [] })).toMatchObject({ status: "unknown_key", problem: { code: "keyNotTrusted" } });
    // A trusted-key list that gives another key under this id is a contradiction, not "unknown".
    expectInvalid(bundle, /differs from the trusted key/, { trustedKeys: [{ kid: key.kid, publicKey: makeTestSigningKey().publicKey }] });
    // A tampered bundle stays INVALID whatever keys are given.
    const tampered = clone(bundle);
    tampered.events[1] = changedField(tampered.events[1]!, "name");
    expectInvalid(tampered, /altered/);
    expectInvalid(tampered, /altered/, trustedOf(key));
  });

  it("attack 13.3: the copy without IP addresses and devices verifies, and so does the job centre's copy with them", () => {
    const { bundle, key, clientFacts } = makeTestBundle();
    const text = bundleToJson(bundle);
    expect(text).not.toContain("192.0.2.10");
    expect(text).not.toContain("Mozilla/5.0 (test)");
    expect(verifyBundle(JSON.parse(text), trustedOf(key))).toMatchObject({ valid: true, summary: { evidence: "redacted" } });

    const full = makeTestBundle({ key, withClientFacts: true }).bundle;
    expect(bundleToJson(full)).toContain("192.0.2.10");
    expect(verifyBundle(full, trustedOf(key))).toMatchObject({ valid: true, summary: { evidence: "full" } });
    expect(clientFacts.length).toBe(bundle.events.length - 1);
  });

  it("is INVALID when an IP address or device in the job centre's copy is not the one committed to", () => {
    const { bundle, key } = makeTestBundle({ withClientFacts: true });
    const otherIp = clone(bundle);
    otherIp.clientFacts![1] = { ...otherIp.clientFacts![1]!, ip: "198.51.100.7" };
    expectInvalid(otherIp, /event 2 are not the ones recorded/, trustedOf(key));
    const otherSalt = clone(bundle);
    otherSalt.clientFacts![0] = { ...otherSalt.clientFacts![0]!, salt: otherSalt.clientFacts![1]!.salt };
    expectInvalid(otherSalt, /event 1 are not the ones recorded/);
    const onSeal = clone(bundle);
    onSeal.clientFacts!.push({ ...bundle.clientFacts![0]!, seq: bundle.events.length });
    expectInvalid(onSeal, /belong to no event/);
    const twice = clone(bundle);
    twice.clientFacts!.push(bundle.clientFacts![0]!);
    expectInvalid(twice, /belong to no event/);
  });

  it("still verifies a format 1 bundle (IP and device in clear text inside the events)", () => {
    const { key, canonical, fingerprint } = makeTestBundle();
    const events: LegacyEvent[] = [];
    const push = (e: Omit<LegacyEvent, "seq" | "prevHash" | "hash">) => {
      const unhashed = { ...e, seq: events.length + 1, prevHash: events.at(-1)?.hash ?? fingerprint };
      events.push({ ...unhashed, hash: eventHash(unhashed) });
    };
    const base = { name: null, authMethod: null, ip: "192.0.2.10", userAgent: "UA", shownHash: fingerprint, reason: null };
    push({ ...base, type: "prepared", at: "2025-03-04T09:00:00.000Z", participantId: "p-caseworker", role: "caseworker" });
    for (const [i, role] of ["employee", "manager", "caseworker"].entries()) {
      push({ ...base, type: "signed", at: `2025-03-04T09:0${i + 1}:00.000Z`, participantId: `p-${role}`, role, authMethod: "join-link" });
    }
    push({
      ...base,
      type: "sealed",
      at: "2025-03-04T09:05:00.000Z",
      participantId: null,
      role: null,
      ip: null,
      userAgent: null,
      shownHash: null,
    });
    const seal = createSeal({ fingerprint, chainHead: events.at(-1)!.hash, sealedAt: events.at(-1)!.at, key });
    const doc = JSON.parse(new TextDecoder().decode(canonical)) as { agreementId: string; caseId: string; version: number };
    const legacy = {
      format: LEGACY_BUNDLE_FORMAT,
      agreement: {
        id: doc.agreementId,
        caseId: doc.caseId,
        version: doc.version,
        canonical: Buffer.from(canonical).toString("base64"),
        fingerprint,
      },
      events,
      seal,
      publicKey: { kid: key.kid, alg: "Ed25519", publicKey: key.publicKey },
    };
    expect(verifyBundle(legacy, trustedOf(key))).toMatchObject({
      valid: true,
      summary: { format: LEGACY_BUNDLE_FORMAT, evidence: "full" },
    });
    expectInvalid(
      { ...legacy, events: legacy.events.map((e, i) => (i === 1 ? { ...e, ip: "198.51.100.7" } : e)) },
      /event 2 \(signed\) was altered/,
    );
    // Format 1 has no clientFacts, and its events no commitment.
    expectInvalid({ ...legacy, clientFacts: [] }, /malformed bundle/);
  });

  it("still verifies an agreement sealed with the old key after rotation, through its recorded kid", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "stepwise-rotation-"));
    dirs.push(dataDir);
    const oldKey = loadOrCreateSigningKey({ dataDir });
    const { bundle: oldBundle } = makeTestBundle({ key: oldKey });
    const newKey = rotateSigningKey(dataDir);
    const { bundle: newBundle } = makeTestBundle({ key: newKey, version: 2 });

    const published = publicKeys(dataDir).keys;
    expect(published.find((k) => k.current)?.kid).toBe(newKey.kid);
    expect(oldBundle.seal.kid).toBe(oldKey.kid);
    expect(findPublicKey(dataDir, oldBundle.seal.kid)).toMatchObject({ publicKey: oldKey.publicKey, current: false });
    expect(verifyBundle(oldBundle, { trustedKeys: published })).toMatchObject({
      valid: true,
      summary: { kid: oldKey.kid, keyTrusted: true },
    });
    expect(verifyBundle(newBundle, { trustedKeys: published })).toMatchObject({
      valid: true,
      summary: { kid: newKey.kid, keyTrusted: true },
    });
  });

  it("refuses to build a bundle that would not verify", () => {
    const { bundle, canonical, events, seal, key } = makeTestBundle();
    const agreement = { id: bundle.agreement.id, caseId: bundle.agreement.caseId, version: bundle.agreement.version, canonical };
    expect(() => buildBundle({ agreement, events, seal, publicKey: key })).not.toThrow();
    expect(() => buildBundle({ agreement: { ...agreement, version: 2 }, events, seal, publicKey: key })).toThrow(/agreement\.version/);
    expect(() => buildBundle({ agreement, events: events.slice(0, -1), seal, publicKey: key })).toThrow(/sealed/);
    expect(() => buildBundle({ agreement, events, seal, publicKey: makeTestSigningKey() })).toThrow(/seal names key/);
  });
});
