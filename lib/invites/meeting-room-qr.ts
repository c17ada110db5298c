import { publicUrl } from "../env";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import { invitationQrSvg } from "./invitation-qr";

/**
 * The QR code the shared screen shows so people in the room can open the meeting on their phones.
 * It carries ONLY the meeting's address (`/meetings/<id>`), never a join token: anyone could
 * photograph a projector. A phone that already opened its person's own link goes straight in; any
 * other phone is asked to open the personal link from the invitation (or the caseworker shows that
 * person their own QR code on the case page, on the caseworker's own device).
 */
export async function meetingRoomQr(meetingId: string): Promise<{ url: string; svg: string }> {
  if (!isUuid(meetingId)) throw new AppError("INVALID_INPUT", "not a meeting id", { meetingId: "uuid" });
  const url = `${publicUrl()}/meetings/${meetingId}`;
  return { url, svg: await invitationQrSvg(url) };
}
