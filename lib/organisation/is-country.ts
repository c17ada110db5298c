import type { Country } from "./country";

export function isCountry(v: unknown): v is Country {
  return v === "DK" || v === "NO";
}
