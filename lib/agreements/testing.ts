import { generateKeyPairSync } from "node:crypto";
import { freezeAgreement, type AgreementDocumentHeader } from "./agreement-document";
import { buildBundle, type AgreementBundle, type BundleClientFact } from "./bundle";
import { openClientFacts } from "./client-facts";
import { rawPublicKey } from "./ed25519";
import { appendEvent, type SignatureEvent } from "./event-chain";
import { sealAgreement, type Seal } from "./seal";
import { kidOf, type SigningKey } from "./signing-keys";

/**
 * Test helpers for anyone who needs a real, valid agreement bundle (route tests, the verify page,
 * e2e fixtures) without a database or a data directory. Not for production code.
 */

/** A fresh in-memory Ed25519 signing key, shaped like the key store's. */
export function makeTestSigningKey(createdAt = new Date("2025-01-01T00:00:00.000Z")): SigningKey {
  const { privateKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(privateKey);
  return {
    kid: kidOf(raw),
    alg: "Ed25519",
    publicKey: Buffer.from(raw).toString("base64url"),
    privateKey: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    createdAt: createdAt.toISOString(),
  };
}

export type TestBundle = {
  bundle: AgreementBundle;
  key: SigningKey;
  document: AgreementDocumentHeader & Record<string, unknown>;
  canonical: Uint8Array;
  fingerprint: string;
  events: SignatureEvent[];
  seal: Seal;
  /** The openings of every event's IP/device commitment (what the job centre's copy carries). */
  clientFacts: BundleClientFact[];
};

type TestSigner = { role: string; participantId: string; name: string; authMethod: string };

const DEFAULT_SIGNERS: TestSigner[] = [
  { role: "employee", participantId: "p-employee", name: "Kurt", authMethod: "join-link" },
  { role: "manager", participantId: "p-manager", name: "Lars", authMethod: "join-link" },
  { role: "caseworker", participantId: "p-caseworker", name: "Mette", authMethod: "oidc" },
  { role: "union_rep", participantId: "p-union", name: "Susanne", authMethod: "email-link" },
];

/**
 * A sealed, valid bundle: prepared by the caseworker, signed by employee, manager, caseworker and
 * (as supporter) the union rep, a minute apart from `start`, then sealed.
 */
export function makeTestBundle(
  opts: {
    key?: SigningKey;
    agreementId?: string;
    caseId?: string;
    version?: number;
    requiredSigners?: string[];
    /** Who signs, in order; defaults to all four roles. */
    signers?: TestSigner[];
    /** Extra document content (plan, actions…), merged over a small default plan. */
    content?: Record<string, unknown>;
    start?: Date;
    /** The job centre's copy: with the IP addresses and devices (clientFacts). */
    withClientFacts?: boolean;
  } = {},
): TestBundle {
  const key = opts.key ?? makeTestSigningKey();
  const document = {
    agreementId: opts.agreementId ?? "agreement-test-1",
    caseId: opts.caseId ?? "case-test-1",
    version: opts.version ?? 1,
    requiredSigners: opts.requiredSigners ?? ["employee", "manager", "caseworker"],
    plan: { goal: { label: "Goal", value: "Back to 30 hours a week by June" }, staircaseStep: { label: "Step", value: 3 } },
    actions: [{ label: "Action", text: "Adjusted desk", owner: "manager", due: "2025-04-01" }],
    ...opts.content,
  };
  const { canonical, fingerprint } = freezeAgreement(document);
  const start = (opts.start ?? new Date("2025-03-04T09:00:00.000Z")).getTime();
  const at = (minute: number) => new Date(start + minute * 60_000);
  const clientFacts: BundleClientFact[] = [];
  const client = () => {
    const opening = openClientFacts({ ip: "192.0.2.10", userAgent: "Mozilla/5.0 (test)" });
    clientFacts.push({ seq: clientFacts.length + 1, ...opening });
    return opening;
  };

  const events: SignatureEvent[] = [];
  events.push(
    appendEvent(fingerprint, events, {
      type: "prepared",
      at: at(0),
      participantId: "p-caseworker",
      role: "caseworker",
      name: "Mette",
      authMethod: "oidc",
      shownHash: fingerprint,
      client: client(),
    }),
  );
  for (const [i, s] of (opts.signers ?? DEFAULT_SIGNERS).entries()) {
    events.push(appendEvent(fingerprint, events, { type: "signed", at: at(i + 1), ...s, shownHash: fingerprint, client: client() }));
  }
  const { event, seal } = sealAgreement({ fingerprint, requiredSigners: document.requiredSigners, events, key, at: at(events.length) });
  events.push(event);

  const bundle = buildBundle({
    agreement: { id: document.agreementId, caseId: document.caseId, version: document.version, canonical },
    events,
    seal,
    publicKey: key,
    clientFacts: opts.withClientFacts ? clientFacts : undefined,
  });
  return { bundle, key, document, canonical, fingerprint, events, seal, clientFacts };
}
