import type { z } from "zod";
import type { Me } from "../access/actor";
import { closeCase } from "../cases/close-case";
import { callerActors } from "./api-caller";
import type { ZApiCloseCase, ZApiClosed } from "./contract";

/**
 * `POST /api/v1/cases/<id>/close`: the caseworker's own close (lib/cases/close-case.ts): the
 * outcome and the day it ended; from then on the case is read-only, and closing it again is 409.
 */
export async function closeCaseByApi(input: {
  me: Me;
  body: z.output<typeof ZApiCloseCase>;
  now: Date;
}): Promise<z.output<typeof ZApiClosed>> {
  const closed = await closeCase({ who: callerActors(input.me), caseId: input.me.caseId, raw: input.body, now: input.now });
  return { caseId: closed.caseId, state: "closed", outcome: closed.outcome, date: closed.closedOn };
}
