import { recordAccess } from "../audit/record-access";
import { env } from "../env";
import { AppError } from "../errors";
import type { Me } from "../access/actor";
import { buildBundle, type AgreementBundle, type BundleClientFact } from "./bundle";
import { isLegacyEvent } from "./event-chain";
import { maySeeClientEvidence } from "./evidence-visibility";
import { loadAgreementFor } from "./load-agreement";
import { findPublicKey } from "./signing-keys";
import { whoOf } from "./access-actor";

/**
 * The verification bundle of a sealed version, for the case's participants: canonical document,
 * events, seal, public key and key id in one JSON file that `npm run verify` and /verify check
 * offline. An unsealed version has no seal to prove, so it has no bundle yet (409).
 *
 * The caseworker's copy (the job centre's evidence) carries the IP address and device behind each
 * event; every other copy carries only their commitments, and verifies all the same
 * (evidence-visibility.ts). A version sealed before commitments existed has them in clear text
 * inside its hashed events, so only the caseworker can have its file (409 for anyone else).
 */
export async function exportAgreementBundle(input: {
  me: Me;
  agreementId: string;
}): Promise<{ bundle: AgreementBundle; fileName: string; caseId: string }> {
  const { row, events, openings } = await loadAgreementFor(input.me, input.agreementId, "export");
  const sealedEvent = events.at(-1);
  if (!row.sealedAt || !row.sealKid || !row.sealSignature || !row.chainHead || sealedEvent?.type !== "sealed") {
    throw new AppError("CONFLICT", "This version is not binding yet; its verification file exists once everyone required has signed", {
      version: "not_sealed",
    });
  }
  const full = maySeeClientEvidence(input.me.role);
  if (!full && events.some((e) => isLegacyEvent(e) && (e.ip !== null || e.userAgent !== null))) {
    throw new AppError(
      "CONFLICT",
      "This older version's verification file records where people signed from; ask the caseworker for a copy",
      { evidence: "job_centre_only" },
    );
  }
  const key = findPublicKey(env().DATA_DIR, row.sealKid);
  if (!key) throw new AppError("UNAVAILABLE", `The key ${row.sealKid} that sealed this agreement is not known to this server`);
  const clientFacts: BundleClientFact[] | undefined = full ? [...openings].map(([seq, o]) => ({ seq, ...o })) : undefined;
  const bundle = buildBundle({
    agreement: { id: row.id, caseId: row.caseId, version: row.version, canonical: row.canonical },
    events,
    seal: { kid: row.sealKid, sealedAt: sealedEvent.at, chainHead: row.chainHead, signature: row.sealSignature },
    publicKey: key,
    clientFacts,
  });
  await recordAccess({ who: whoOf(input.me), caseId: row.caseId, what: "agreement_bundle", resourceId: row.id, purpose: "export" });
  return { bundle, fileName: `stepwise-agreement-v${row.version}-${row.fingerprint.slice(0, 8)}.json`, caseId: row.caseId };
}
