import { z } from "zod";
import { EVENT_TYPES } from "./event-chain";
import { SHA256_HEX } from "./fingerprint";

/**
 * The two shapes of a signature event as data (event-chain.ts): what a bundle or a stored row
 * must hold, strictly — an unknown field would ride along looking as if it were hashed.
 */
export const hex64 = z.string().regex(SHA256_HEX, "expected a lowercase SHA-256 hex digest");
export const isoTime = z.string().refine((s) => {
  const d = new Date(s);
  return !Number.isNaN(d.getTime()) && d.toISOString() === s;
}, "expected an ISO 8601 UTC time like 2025-03-04T09:30:00.000Z");

const base = {
  seq: z.number().int().positive(),
  type: z.enum(EVENT_TYPES),
  at: isoTime,
  participantId: z.string().nullable(),
  role: z.string().nullable(),
  name: z.string().nullable(),
  authMethod: z.string().nullable(),
  shownHash: hex64.nullable(),
  reason: z.string().nullable(),
  prevHash: hex64,
  hash: hex64,
};

export const committedEventSchema = z.strictObject({ ...base, client: hex64.nullable() });
export const legacyEventSchema = z.strictObject({ ...base, ip: z.string().nullable(), userAgent: z.string().nullable() });
export const anyEventSchema = z.union([committedEventSchema, legacyEventSchema]);
