import * as Y from "yjs";
import { openJoinLink } from "../access/open-join-link";
import { appendDocumentUpdates } from "../collab-store/append-updates";
import { loadDocument } from "../collab-store/load-document";
import { meetingDocName } from "../collab/doc-names";
import { fillKurtMeeting } from "../demo/kurt-case";
import type { Role } from "../plan/roles";
import { createFixtureCase, type FixtureCase } from "../testing/fixtures";
import { dateInZone } from "../time/zoned";
import type { Me } from "../access/actor";
import { meOfSession } from "../testing/actors";

/**
 * Test helpers for the agreement use-cases (not for production code): a fixture case whose
 * meeting holds Kurt's plan, a fresh session per role, and a way to edit the stored meeting
 * document as the collaboration server would (append an update).
 */
export type AgreementFixture = FixtureCase & {
  sessions: Record<Role, string>;
  actors: Record<Role, Me>;
  names: Record<Role, string>;
};

export const CLIENT = { ip: "192.0.2.7", userAgent: "Vitest" };

export async function createAgreementFixture(): Promise<AgreementFixture> {
  const fx = await createFixtureCase();
  const p = fx.participants;
  await editMeeting(fx.meetingId, (doc) =>
    fillKurtMeeting(doc, {
      today: dateInZone(new Date()),
      owners: { caseworker: p.caseworker.id, employee: p.employee.id, manager: p.manager.id },
    }),
  );
  const sessions = {} as Record<Role, string>;
  const actors = {} as Record<Role, Me>;
  const names = {} as Record<Role, string>;
  for (const role of Object.keys(p) as Role[]) {
    sessions[role] = (await openJoinLink({ token: p[role].joinToken, ip: null, userAgent: null })).sessionToken;
    actors[role] = await meOfSession(sessions[role]);
    names[role] = actors[role].displayName;
  }
  return { ...fx, sessions, actors, names };
}

/** Changes the stored shared document the way a live edit would: one appended update. */
export async function editMeeting(meetingId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const loaded = await loadDocument(meetingDocName(meetingId));
  if (!loaded) throw new Error(`no document for meeting ${meetingId}`);
  const updates: Uint8Array[] = [];
  loaded.doc.on("update", (u: Uint8Array) => updates.push(u));
  edit(loaded.doc);
  loaded.doc.destroy();
  if (updates.length > 0) await appendDocumentUpdates(updates.map((data) => ({ docName: meetingDocName(meetingId), data })));
}
