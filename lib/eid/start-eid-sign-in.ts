import { createHash } from "node:crypto";
import * as oidc from "openid-client";
import { z } from "zod";
import { getDb } from "@/db/client";
import { countLiveEidAttempts, insertEidAttempt } from "@/db/queries/eid";
import { AppError } from "../errors";
import type { ParticipantActor } from "../access/actor";
import { parseSessionRef } from "../access/session-ref";
import { safeReturnPath } from "../auth/safe-return-path";
import { serverNow } from "../time/server-clock";
import { eidClient, eidRedirectUri } from "./eid-client";
import { eidSettingsFor } from "./eid-settings";

/** How long a person has at the broker (MitID's app approval included). */
export const EID_ATTEMPT_MINUTES = 10;
/** Attempts one session may have under way at once: enough for a person, too few to fill a table. */
const MAX_LIVE_ATTEMPTS = 5;

export const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

const input = z.object({ returnTo: z.string().max(500).optional() });

/**
 * A participant, signed in by their personal link, starts confirming who they are with the
 * national eID: state, nonce and a PKCE verifier are made and kept with their session, and the
 * broker's authorization URL is returned (authorization code with PKCE S256). The eID confirms
 * the link's person; it never opens a session on its own.
 */
export async function startEidSignIn(actor: ParticipantActor | null, raw: unknown, now = serverNow()): Promise<{ url: string }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Open your personal link first");
  const settings = await eidSettingsFor(actor.organisationId);
  if (!settings) throw new AppError("NOT_FOUND", "Signing in with eID is not offered here");
  const parsed = input.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError("INVALID_INPUT", "That return address is not valid", { returnTo: "invalid" });
  const sessionId = parseSessionRef(actor.session)!.id;
  const db = await getDb();
  if ((await countLiveEidAttempts(db, sessionId, now)) >= MAX_LIVE_ATTEMPTS) {
    throw new AppError("RATE_LIMITED", "Too many eID sign-ins started; finish one or wait a few minutes");
  }
  const client = await eidClient(settings);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await insertEidAttempt(db, {
    stateHash: hashState(state),
    sessionId,
    nonce,
    codeVerifier,
    returnTo: safeReturnPath(parsed.data.returnTo, "/me"),
    expiresAt: new Date(now.getTime() + EID_ATTEMPT_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: eidRedirectUri(),
    response_type: "code",
    scope: "openid profile",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    ...(settings.acrValues ? { acr_values: settings.acrValues } : {}),
  });
  return { url: url.href };
}
