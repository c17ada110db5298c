import { createHmac, timingSafeEqual } from "node:crypto";
import { serverSecret } from "../secret";
import { isUuid } from "../collab/doc-names";
import { isReminderKind, type ReminderKind } from "./reminder-kinds";

/**
 * The unsubscribe link's token: `<participantId>.<kind>.<HMAC>`, signed with the server secret,
 * so it needs no sign-in and cannot be made for someone else. It only ever turns reminders off,
 * and never expires: an old e-mail's link must still work.
 */
function mac(participantId: string, kind: ReminderKind): string {
  return createHmac("sha256", serverSecret()).update(`reminder-unsubscribe\n${participantId}\n${kind}`).digest("base64url");
}

export function unsubscribeToken(participantId: string, kind: ReminderKind): string {
  return `${participantId}.${kind}.${mac(participantId, kind)}`;
}

/** Who and which kind a token names, or null when it is not one of ours. */
export function readUnsubscribeToken(token: unknown): { participantId: string; kind: ReminderKind } | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [participantId, kind, sig, ...rest] = token.split(".");
  if (rest.length > 0 || !isUuid(participantId ?? "") || !isReminderKind(kind) || !sig) return null;
  const want = Buffer.from(mac(participantId!, kind));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got) ? { participantId: participantId!, kind } : null;
}
