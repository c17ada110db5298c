import { prepareAgreement } from "../agreements/prepare-agreement";
import { signAgreement } from "../agreements/sign-agreement";
import { CLIENT, createAgreementFixture, type AgreementFixture } from "../agreements/test-fixtures";

/**
 * Test helpers for follow-up (not for production code): a fixture case whose meeting holds Kurt's
 * plan, already agreed — version 1 prepared by the caseworker and signed by the three required
 * signers, so it binds.
 */
export type BoundCase = AgreementFixture & { agreementId: string; fingerprint: string };

export async function createBoundCase(opts: { now?: Date } = {}): Promise<BoundCase> {
  const fx = await createAgreementFixture();
  const v = await prepareAgreement({
    me: fx.actors.caseworker,
    meetingId: fx.meetingId,
    unionRepSigns: false,
    client: CLIENT,
    now: opts.now,
  });
  for (const role of ["caseworker", "employee", "manager"] as const) {
    await signAgreement({
      me: fx.actors[role],
      agreementId: v.agreementId,
      confirmation: { mode: "own-device", typedName: fx.names[role] },
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
      now: opts.now,
    });
  }
  return { ...fx, agreementId: v.agreementId, fingerprint: v.fingerprint };
}
