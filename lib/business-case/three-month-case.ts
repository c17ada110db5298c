/**
 * The employer's business case from the Danish guide (three months, DKK): what it costs to keep a
 * sick employee on partial return, to have them off sick full-time, or to dismiss them and hire
 * someone new — each compared with the employee simply being at work. Every input can be changed
 * in the meeting; everything else is computed from them. Pure: the panel recomputes on each key.
 *
 *   net pay        = gross pay − sickness-benefit refund
 *   extra costs    = temporary cover + recruitment + the new employee's pay
 *   employer total = net pay + extra costs
 *   extra vs. work = employer total − the "at work" scenario's employer total
 */
export const SCENARIOS = ["working", "partial", "fullTime", "dismiss"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const INPUTS = ["grossPay", "benefitRefund", "tempCover", "recruitment", "newEmployeePay"] as const;
export type InputKey = (typeof INPUTS)[number];

export type ScenarioInputs = Record<InputKey, number>;
export type CaseInputs = Record<Scenario, ScenarioInputs>;

export type ScenarioResult = ScenarioInputs & {
  netPay: number;
  extraCosts: number;
  employerTotal: number;
  /** What this scenario costs the employer more than having the employee at work. */
  extraVsWorking: number;
};
export type CaseResult = Record<Scenario, ScenarioResult>;

/** The guide's table: gross pay 90,000 for three months in every scenario. */
export const GUIDE_INPUTS: CaseInputs = {
  working: { grossPay: 90_000, benefitRefund: 0, tempCover: 0, recruitment: 0, newEmployeePay: 0 },
  partial: { grossPay: 90_000, benefitRefund: 27_000, tempCover: 45_000, recruitment: 0, newEmployeePay: 0 },
  fullTime: { grossPay: 90_000, benefitRefund: 52_500, tempCover: 90_000, recruitment: 0, newEmployeePay: 0 },
  dismiss: { grossPay: 90_000, benefitRefund: 52_500, tempCover: 30_000, recruitment: 36_000, newEmployeePay: 60_000 },
};

/** Amounts are whole kroner from 0 up to 100 million; anything else is not a number we compute with. */
export const AMOUNT_MAX = 100_000_000;

export function isAmount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= AMOUNT_MAX;
}

export function computeScenario(i: ScenarioInputs): Omit<ScenarioResult, "extraVsWorking"> {
  const netPay = i.grossPay - i.benefitRefund;
  const extraCosts = i.tempCover + i.recruitment + i.newEmployeePay;
  return { ...i, netPay, extraCosts, employerTotal: netPay + extraCosts };
}

export function computeBusinessCase(inputs: CaseInputs): CaseResult {
  const base = computeScenario(inputs.working).employerTotal;
  const out = {} as CaseResult;
  for (const s of SCENARIOS) {
    const r = computeScenario(inputs[s]);
    out[s] = { ...r, extraVsWorking: r.employerTotal - base };
  }
  return out;
}

/**
 * Read what a person typed in an amount field: digits with the group separators of any of our
 * languages ("90.000", "90 000", "90,000", "kr. 90.000"). Decimals are not kroner we deal in, so
 * "90.000,50" is refused rather than guessed at. Null = not a valid amount (the field says so).
 */
export function parseAmount(raw: string): number | null {
  const s = raw
    .replace(/kr\.?|dkk|nok/gi, "")
    .replace(/[\s\u00a0\u202f]/g, "")
    .trim();
  if (s === "") return 0;
  if (/[.,]\d{1,2}$/.test(s) && !/[.,]\d{3}$/.test(s)) return null;
  if (!/^\d{1,3}([.,]?\d{3})*$|^\d+$/.test(s)) return null;
  const n = Number(s.replace(/[.,]/g, ""));
  return isAmount(n) ? n : null;
}
