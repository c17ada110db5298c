import { route } from "@/app/_server/route-handler";
import { startOidcSignIn } from "@/lib/auth/start-oidc-sign-in";

/**
 * GET /api/auth/oidc-start?provider=<id>&callbackUrl=/cases → the organisation's IdP (with
 * Auth.js's state, PKCE and nonce cookies); 404 for a provider that is not configured. The
 * sign-in page's OpenID Connect buttons are links here (lib/auth/start-oidc-sign-in.ts says why).
 */
export const GET = route(
  { auth: "none", caseData: { none: "starts a staff sign-in; the answer is a redirect to the IdP" } },
  async ({ request }) => {
    const q = new URL(request.url).searchParams;
    const res = await startOidcSignIn({ providerId: q.get("provider"), callbackUrl: q.get("callbackUrl") });
    const headers = new Headers(res.headers);
    headers.set("Referrer-Policy", "no-referrer");
    return new Response(res.body, { status: res.status, headers });
  },
);
