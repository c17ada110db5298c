import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { createBoundCase, type BoundCase } from "../followup/testing";
import { createAgreementFixture } from "../agreements/test-fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addDays, dateInZone } from "../time/zoned";
import { listCaseProgress } from "./list-case-progress";
import { recordProgress } from "./record-progress";
import { removeProgressEntry } from "./remove-progress-entry";

let tdb: TestDatabase;
let bound: BoundCase;
let pain: string;
let hours: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  bound = await createBoundCase();
  const goals = bindingOf(await loadCaseAgreements(bound.caseId))!.content.plan.subGoals;
  pain = goals[0]!.id;
  hours = goals[1]!.id;
});
afterAll(async () => {
  await tdb.drop();
});

const today = () => dateInZone(new Date());

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("recordProgress", () => {
  it("records the employee's value with a decimal comma, and the manager's, and lists them oldest first", async () => {
    const a = await recordProgress({
      me: bound.actors.employee,
      raw: { subGoalId: pain, date: addDays(today(), -1), value: "6,5", note: "  A good week " },
    });
    expect(a).toMatchObject({ subGoalId: pain, value: 6.5, note: "A good week" });
    await recordProgress({ me: bound.actors.manager, raw: { subGoalId: hours, date: today(), value: 20 } });
    const list = await listCaseProgress({ me: bound.actors.caseworker });
    expect(list.map((e) => [e.value, e.by?.role, e.mine])).toEqual([
      [6.5, "employee", false],
      [20, "manager", false],
    ]);
    expect((await listCaseProgress({ me: bound.actors.employee }))[0]!.mine).toBe(true);
  });

  it("refuses a value outside the measure's range, naming the range", async () => {
    const e = await refusal(recordProgress({ me: bound.actors.employee, raw: { subGoalId: pain, date: today(), value: "60" } }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.details).toEqual({ value: "range" });
    expect(e.message).toBe("The value must be from 1 to 10");
    const h = await refusal(recordProgress({ me: bound.actors.manager, raw: { subGoalId: hours, date: today(), value: -1 } }));
    expect(h.message).toBe("The value must be from 0 to 59");
  });

  it("refuses a date in the future, more than a year back, or not a date", async () => {
    expect(
      (await refusal(recordProgress({ me: bound.actors.employee, raw: { subGoalId: pain, date: addDays(today(), 1), value: 5 } }))).details,
    ).toEqual({ date: "future" });
    expect(
      (await refusal(recordProgress({ me: bound.actors.employee, raw: { subGoalId: pain, date: addDays(today(), -400), value: 5 } })))
        .details,
    ).toEqual({ date: "tooOld" });
    expect(
      (await refusal(recordProgress({ me: bound.actors.employee, raw: { subGoalId: pain, date: "2026-02-30", value: 5 } }))).details,
    ).toEqual({ date: "date" });
  });

  it("refuses what is not a number, a missing value, a long note and an unknown sub-goal", async () => {
    const me = bound.actors.employee;
    expect((await refusal(recordProgress({ me, raw: { subGoalId: pain, date: today(), value: "five" } }))).details).toEqual({
      value: "number",
    });
    expect((await refusal(recordProgress({ me, raw: { subGoalId: pain, date: today(), value: " " } }))).details).toEqual({
      value: "required",
    });
    expect(
      (await refusal(recordProgress({ me, raw: { subGoalId: pain, date: today(), value: 5, note: "x".repeat(281) } }))).details,
    ).toEqual({ note: "tooLong" });
    expect((await refusal(recordProgress({ me, raw: { subGoalId: "nope", date: today(), value: 5 } }))).details).toEqual({
      subGoalId: "unknown",
    });
  });

  it("lets only the employee and the manager record hours, and only the employee and the caseworker a health measure (pain)", async () => {
    for (const role of ["caseworker", "union_rep", "observer"] as const) {
      expect(
        (await refusal(recordProgress({ me: bound.actors[role], raw: { subGoalId: hours, date: today(), value: 5 } }))).code,
        role,
      ).toBe("FORBIDDEN");
    }
    for (const role of ["manager", "union_rep", "observer"] as const) {
      expect(
        (await refusal(recordProgress({ me: bound.actors[role], raw: { subGoalId: pain, date: today(), value: 5 } }))).code,
        role,
      ).toBe("FORBIDDEN");
    }
    await recordProgress({ me: bound.actors.caseworker, raw: { subGoalId: pain, date: today(), value: 5 } });
  });

  it("refuses while the case has no binding agreement", async () => {
    const unsigned = await createAgreementFixture();
    const e = await refusal(recordProgress({ me: unsigned.actors.employee, raw: { subGoalId: "x", date: today(), value: 5 } }));
    expect(e.code).toBe("CONFLICT");
  });
});

describe("removeProgressEntry", () => {
  it("removes one's own entry, and refuses someone else's", async () => {
    const e = await recordProgress({ me: bound.actors.manager, raw: { subGoalId: hours, date: today(), value: 21 } });
    expect((await refusal(removeProgressEntry({ me: bound.actors.employee, entryId: e.id }))).code).toBe("FORBIDDEN");
    expect((await refusal(removeProgressEntry({ me: bound.actors.manager, entryId: "not-an-id" }))).code).toBe("NOT_FOUND");
    await removeProgressEntry({ me: bound.actors.manager, entryId: e.id });
    expect((await listCaseProgress({ me: bound.actors.manager })).some((x) => x.id === e.id)).toBe(false);
  });
});
