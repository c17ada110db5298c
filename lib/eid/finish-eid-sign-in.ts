import * as oidc from "openid-client";
import { getDb } from "@/db/client";
import { insertParticipantEid, takeEidAttempt } from "@/db/queries/eid";
import { findParticipant } from "@/db/queries/participants";
import { AppError } from "../errors";
import type { ParticipantActor } from "../access/actor";
import { parseSessionRef } from "../access/session-ref";
import { errorFields, logger } from "../log/logger";
import { serverNow } from "../time/server-clock";
import { assuranceLevelOf, meetsLevel, type AssuranceLevel } from "./assurance-level";
import { eidClient, eidRedirectUri } from "./eid-client";
import { eidNameMatches } from "./eid-name-matches";
import { eidSettingsFor } from "./eid-settings";
import { hashState } from "./start-eid-sign-in";

const log = logger("eid");

/**
 * The broker sent the person back (`/api/eid/callback?code&state&iss`). The attempt is found by
 * its state and used up; it must belong to the session in this browser (so nobody can hand their
 * own eID sign-in to someone else's browser). The code is exchanged with the PKCE verifier, and
 * openid-client checks the ID token: signature (the broker's keys), issuer, audience, expiry,
 * nonce. Then the assurance level must be understood and high enough, and the eID's name must be
 * the participant's. The session is marked confirmed by eID at that level.
 */
export async function finishEidSignIn(
  actor: ParticipantActor | null,
  query: URLSearchParams,
  now = serverNow(),
): Promise<{ returnTo: string; level: AssuranceLevel }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Open your personal link first, then sign in with eID");
  const settings = await eidSettingsFor(actor.organisationId);
  if (!settings) throw new AppError("NOT_FOUND", "Signing in with eID is not offered here");
  const state = query.get("state");
  if (!state || state.length > 200) throw new AppError("INVALID_INPUT", "This is not an answer from the eID", { state: "missing" });
  const db = await getDb();
  const attempt = await takeEidAttempt(db, hashState(state), now);
  if (!attempt) throw new AppError("GONE", "This eID sign-in has expired or was already used: start again");
  const sessionId = parseSessionRef(actor.session)!.id;
  if (attempt.sessionId !== sessionId) throw new AppError("FORBIDDEN", "This eID sign-in was started in another browser");
  if (query.has("error")) throw new AppError("UNAUTHENTICATED", "The eID sign-in was cancelled or did not succeed");

  let claims: oidc.IDToken;
  try {
    const client = await eidClient(settings);
    const tokens = await oidc.authorizationCodeGrant(client, new URL(`${eidRedirectUri()}?${query.toString()}`), {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
  } catch (err) {
    log.warn("eid sign-in refused", { reason: "token", ...errorFields(err) });
    throw new AppError("UNAUTHENTICATED", "The eID sign-in could not be confirmed");
  }

  const level = assuranceLevelOf(claims.acr);
  if (!level || !meetsLevel(level, settings.minLevel)) {
    log.warn("eid sign-in refused", { reason: "assurance", level });
    throw new AppError("FORBIDDEN", "This eID sign-in's assurance level is too low for signing");
  }
  const participant = await findParticipant(db, actor.participantId);
  const eidName =
    typeof claims.name === "string" ? claims.name : [claims.given_name, claims.family_name].filter((n) => typeof n === "string").join(" ");
  if (!participant || !eidNameMatches(participant.displayName, eidName)) {
    log.warn("eid sign-in refused", { reason: "name" });
    throw new AppError("FORBIDDEN", "The name in the eID is not the name registered for you");
  }
  await insertParticipantEid(db, { sessionId, provider: settings.id, level, acr: String(claims.acr), assertedAt: now });
  return { returnTo: attempt.returnTo, level };
}
