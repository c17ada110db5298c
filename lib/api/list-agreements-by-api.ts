import type { z } from "zod";
import type { Me } from "../access/actor";
import { listAgreementVersions } from "../agreements/list-agreement-versions";
import { recordAgreementVersionsShown } from "../audit/record-agreement-versions-shown";
import type { ZApiAgreementList } from "./contract";

/**
 * `GET /api/v1/cases/<id>/agreements`: every agreement version of the case (as the case page
 * lists them) and which one binds; the binding one's PDF and verification bundle are served by
 * the agreement routes.
 */
export async function listAgreementsByApi(input: { me: Me }): Promise<z.output<typeof ZApiAgreementList>> {
  const versions = await listAgreementVersions({ me: input.me });
  await recordAgreementVersionsShown(input.me);
  const items = versions.map((v) => ({
    agreementId: v.id,
    version: v.version,
    state: v.state,
    fingerprint: v.fingerprint,
    preparedAt: v.preparedAt,
    sealedAt: v.sealedAt,
    meetingId: v.meetingId,
    altered: v.altered,
  }));
  return { items, binding: items.find((v) => v.state === "binding" && !v.altered)?.agreementId ?? null };
}
