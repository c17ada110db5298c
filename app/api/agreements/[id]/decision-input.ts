import { z } from "zod";
import type { SignerConfirmation } from "@/lib/agreements/confirm-signer";

/** How a signer confirms who they are: on their own device, or in turn at the caseworker's screen. */
const fields = {
  typedName: z.string().max(200),
  shownHash: z.string().max(100),
};

export const ZSign = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("own-device"), ...fields, readAndAgreed: z.boolean() }),
  z.strictObject({
    mode: z.literal("shared-screen"),
    signerParticipantId: z.string().max(100),
    identityChecked: z.boolean(),
    ...fields,
    readAndAgreed: z.boolean(),
  }),
]);

export const ZDecline = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("own-device"), ...fields, reason: z.string().max(4000) }),
  z.strictObject({
    mode: z.literal("shared-screen"),
    signerParticipantId: z.string().max(100),
    identityChecked: z.boolean(),
    ...fields,
    reason: z.string().max(4000),
  }),
]);

export function confirmationOf(input: z.infer<typeof ZSign> | z.infer<typeof ZDecline>): SignerConfirmation {
  return input.mode === "own-device"
    ? { mode: "own-device", typedName: input.typedName }
    : {
        mode: "shared-screen",
        signerParticipantId: input.signerParticipantId,
        typedName: input.typedName,
        identityChecked: input.identityChecked,
      };
}
