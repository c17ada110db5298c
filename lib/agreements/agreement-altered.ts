import { AppError } from "../errors";
import { describeProblem, type Problem } from "./verification-problem";

/**
 * A stored agreement no longer proves itself: its bytes, an event, an event's signature or the
 * seal do not check out. Some change was made outside Stepwise (the application cannot update or
 * delete these rows). Pages show "this agreement's record was altered" with the reason; routes
 * answer 409 with `details.record = "altered"`; nothing is signed, sealed or exported from it.
 */
export class AgreementAlteredError extends AppError {
  constructor(
    readonly agreementId: string,
    readonly problem: Problem,
  ) {
    super("CONFLICT", `This agreement's record was altered: ${describeProblem(problem)}`, { record: "altered" });
    this.name = "AgreementAlteredError";
  }
}

export function isAgreementAltered(e: unknown): e is AgreementAlteredError {
  return e instanceof AgreementAlteredError;
}
