import { NextResponse } from "next/server";
import { route } from "@/app/_server/route-handler";
import { publishedKeys } from "@/lib/agreements/server-signing-key";

/**
 * GET /.well-known/stepwise-keys.json → every public key this server has sealed agreements with
 * (rotated ones too, so old agreements keep verifying), each with its SHA-256 fingerprint. Public:
 * keys prove origin, they hold no data. Save it and pass it to `npm run verify -- … --keys`.
 */
export const dynamic = "force-dynamic";

export const GET = route({ auth: "none", caseData: { none: "the public keys that verify seals: nobody's data" } }, async () =>
  // Cacheable, unlike every other answer: the same for everyone, and changed only by a key rotation.
  NextResponse.json(publishedKeys(), { headers: { "Cache-Control": "public, max-age=300" } }),
);
