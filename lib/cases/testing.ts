import { provisionCaseworker } from "../auth/provision-caseworker";
import { scheduleCaseMeeting } from "../followup/schedule-case-meeting";
import { dateInZone, addDays } from "../time/zoned";
import { openCase } from "./open-case";
import { staffWho } from "../testing/actors";

/** Test helper: a provisioned caseworker who opened a case with one meeting a week from now. */
export async function staffCaseFixture(email: string, opts: { withMeeting?: boolean } = {}) {
  const staff = await provisionCaseworker({ email });
  const kase = await openCase({
    staffUserId: staff.id,
    raw: { employeeName: "Bodil Jensen", track: "employed", employer: "Kontorhuset ApS" },
  });
  let meetingId: string | null = null;
  if (opts.withMeeting !== false) {
    const m = await scheduleCaseMeeting({
      who: await staffWho(staff.id),
      caseId: kase.id,
      raw: { title: "Fællesmøde", date: addDays(dateInZone(new Date()), 7), time: "10:00", durationMinutes: "60", location: "Jobcentret" },
    });
    meetingId = m.id;
  }
  return { staff, caseId: kase.id, caseworkerParticipantId: kase.caseworkerParticipantId!, meetingId };
}
