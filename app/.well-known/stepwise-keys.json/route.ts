import { NextResponse } from "next/server";
import { errorResponse } from "@/app/_server/error-response";
import { publishedKeys } from "@/lib/agreements/server-signing-key";

/**
 * GET /.well-known/stepwise-keys.json → every public key this server has sealed agreements with
 * (rotated ones too, so old agreements keep verifying), each with its SHA-256 fingerprint. Public:
 * keys prove origin, they hold no data. Save it and pass it to `npm run verify -- … --keys`.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return NextResponse.json(publishedKeys(), { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (e) {
    return errorResponse(e);
  }
}
