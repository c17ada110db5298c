/**
 * One command of `npm run admin -- <command> --option value …` (the operator's CLI). A command is
 * one file in this folder plus one line in registry.ts; run-admin.ts parses, validates, opens the
 * database, runs it and prints what it returns as one line of JSON on stdout.
 */
export type AdminOption = {
  /** What it is, for the usage text. */
  help: string;
  /** The allowed values, when there is a fixed set (shown in the usage text and in errors). */
  choices?: readonly string[];
  /** May be left out (the command says what it does then). */
  optional?: boolean;
  /** May be given several times (`--map a=b --map c=d`); its values arrive in `run`'s `lists`. */
  multiple?: boolean;
};

export type AdminCommand = {
  /** `org:create`, `staff:add` … */
  name: string;
  summary: string;
  /** Every option is `--<key> <value>` and required unless marked optional. */
  options: Record<string, AdminOption>;
  /** The option that may instead be given as the one bare argument (`case:erase <caseId>`). */
  positional?: string;
  /**
   * The answer, printed as JSON (e.g. `{ orgId }`). Throws AppError for refusals. `args` holds the
   * single options, `lists` each `multiple` option's values (empty when not given).
   */
  run(args: Record<string, string>, lists: Record<string, string[]>): Promise<Record<string, unknown>>;
};
