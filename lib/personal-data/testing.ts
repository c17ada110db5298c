import { execFileSync } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import yauzl from "yauzl";
import { getDb } from "@/db/client";
import { upsertInvitationAnswer } from "@/db/queries/invitation-answers";
import { insertProgressEntry } from "@/db/queries/progress-entries";
import { caseEvents, cases, meetings, participants } from "@/db/schema";
import { prepareAgreement } from "../agreements/prepare-agreement";
import { signAgreement } from "../agreements/sign-agreement";
import { CLIENT, createAgreementFixture, editMeeting, type AgreementFixture } from "../agreements/test-fixtures";
import { recordAccess } from "../audit/record-access";
import { recordRepeatedAccess } from "../audit/record-repeated-access";
import { appendDocumentUpdates } from "../collab-store/append-updates";
import { loadDocument } from "../collab-store/load-document";
import { goalText } from "../collab/plan";
import { prepNoteText } from "../collab/prep-notes";
import { queueMail } from "../mail/queue-mail";
import { ensurePrepDocument } from "../prep/ensure-prep-document";
import { meOfSession } from "../testing/actors";
import type { TestDatabase } from "../testing/test-database";
import { dateInZone } from "../time/zoned";

/**
 * Test helpers for the life of personal data (not for production code): a case holding a
 * person's data in every place Stepwise keeps it — the case and participant rows, the shared
 * document's update log, a sealed agreement with its signature events, the private preparation,
 * progress, an invitation answer, outbox mail and access-log rows — each piece of text unique to
 * `tag`, so a test can look for every one of them afterwards.
 */
export type RichCase = AgreementFixture & {
  agreementId: string;
  fingerprint: string;
  /** Every string of this case that must not survive its erasure (and must be in its export). */
  strings: Record<string, string>;
};

export async function createRichCase(tag: string): Promise<RichCase> {
  const fx = await createAgreementFixture();
  const strings = {
    employeeName: `Ingeborg Quist${tag}`,
    employeeEmail: `ingeborg.${tag.toLowerCase()}@borger.example`,
    managerName: `Palle Brix${tag}`,
    managerEmail: `palle.${tag.toLowerCase()}@firma.example`,
    employer: `Brix${tag} Lager ApS`,
    meetingTitle: `Opfølgning${tag} om lageret`,
    plan: `Truckcertifikat${tag} fornyes inden sommer`,
    preparation: `Søvnproblemer${tag} siden operationen`,
    progressNote: `Knæet${tag} hævede efter trappen`,
    answerReason: `Fysioterapi${tag} samme formiddag`,
    caseEventReason: `Genåbnet${tag} efter ny sygemelding`,
  };
  const db = await getDb();
  await db.update(cases).set({ employeeName: strings.employeeName, employer: strings.employer }).where(eq(cases.id, fx.caseId));
  await db
    .update(participants)
    .set({ displayName: strings.employeeName, email: strings.employeeEmail })
    .where(eq(participants.id, fx.participants.employee.id));
  await db
    .update(participants)
    .set({ displayName: strings.managerName, email: strings.managerEmail })
    .where(eq(participants.id, fx.participants.manager.id));
  await db.update(meetings).set({ title: strings.meetingTitle }).where(eq(meetings.id, fx.meetingId));
  await db.insert(caseEvents).values({ caseId: fx.caseId, kind: "reopened", reason: strings.caseEventReason });
  for (const role of ["employee", "manager"] as const) {
    fx.actors[role] = await meOfSession(fx.sessions[role]);
    fx.names[role] = fx.actors[role].displayName;
  }

  await editMeeting(fx.meetingId, (doc) => {
    const goal = goalText(doc);
    goal.insert(goal.length, ` ${strings.plan}`);
  });
  const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
  for (const role of ["caseworker", "employee", "manager"] as const) {
    await signAgreement({
      me: fx.actors[role],
      agreementId: v.agreementId,
      confirmation: { mode: "own-device", typedName: fx.names[role] },
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
  }

  const prepName = await ensurePrepDocument(fx.caseId);
  const prep = await loadDocument(prepName);
  const updates: Uint8Array[] = [];
  prep!.doc.on("update", (u: Uint8Array) => updates.push(u));
  prepNoteText(prep!.doc, "health").insert(0, strings.preparation);
  prep!.doc.destroy();
  await appendDocumentUpdates(updates.map((data) => ({ docName: prepName, data })));

  await insertProgressEntry(db, {
    caseId: fx.caseId,
    subGoalId: "any-sub-goal",
    agreementId: v.agreementId,
    measuredOn: dateInZone(new Date()),
    value: 5,
    note: strings.progressNote,
    recordedBy: fx.participants.employee.id,
  });
  await upsertInvitationAnswer(db, {
    meetingId: fx.meetingId,
    participantId: fx.participants.employee.id,
    answer: "cannot_come",
    suggestion: null,
    reason: strings.answerReason,
    answeredAt: new Date(),
  });
  await queueMail(
    { to: strings.employeeEmail, subject: "Møde", text: `Hej ${strings.employeeName}` },
    { participantId: fx.participants.employee.id },
  );
  // As a meeting change or a reminder is queued: without its participant.
  await queueMail({ to: strings.employeeEmail, subject: "Mødet er flyttet", text: `Hej ${strings.employeeName}, mødet er flyttet` });
  const shown = {
    who: { kind: "participant" as const, id: fx.participants.manager.id, name: strings.managerName, role: "manager" },
    caseId: fx.caseId,
    what: "meeting_room" as const,
    resourceId: fx.meetingId,
    purpose: "meeting" as const,
  };
  await recordAccess(shown);
  // Twice within the window: one row with a count (access_log_repeats).
  await recordRepeatedAccess({ ...shown, what: "meeting_doc" });
  await recordRepeatedAccess({ ...shown, what: "meeting_doc" });
  return { ...fx, agreementId: v.agreementId, fingerprint: v.fingerprint, strings };
}

/** The bytes of `text` as PostgreSQL prints a bytea in a dump (hex), to find text inside binary columns. */
export function asDumpedBytes(text: string): string {
  return Buffer.from(text, "utf8").toString("hex");
}

/**
 * The whole database as text: `pg_dump` of the test's own database on PostgreSQL (as the
 * server's superuser, so nothing is hidden by grants), or every row of every table on PGlite.
 * Binary columns (Yjs updates, canonical agreement bytes) come out as hex: look for
 * `asDumpedBytes(s)` as well as `s`.
 */
export async function dumpWholeDatabase(tdb: TestDatabase): Promise<string> {
  if (tdb.url && process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = new URL(tdb.url).pathname;
    return execFileSync("pg_dump", ["--no-owner", "--dbname", url.toString()], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  }
  const db = await getDb();
  const tables = rowsOf<{ s: string; t: string }>(
    await db.execute(
      sql`select table_schema as s, table_name as t from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    ),
  );
  const out: string[] = [];
  for (const { s, t } of tables) {
    const rows = rowsOf<{ r: string }>(await db.execute(sql.raw(`select x::text as r from "${s}"."${t}" x`)));
    out.push(`-- ${s}.${t}`, ...rows.map((r) => r.r));
  }
  return out.join("\n");
}

function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } & T[];
  return r.rows ?? r;
}

/** Every file of a zip archive, by name (yauzl: the reader the export's tests trust, not ours). */
export function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error("not a zip"));
      const files = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error("unreadable entry"));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}
