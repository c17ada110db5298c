import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID provider for tests (panva's `oidc-provider`, the certified implementation), on a
 * random port of this machine: discovery, authorization code with PKCE required, signed ID
 * tokens, JWKS. Its login page is a plain form (`login` = the account's subject, `acr` = the
 * assurance level the person reached, as an eID broker would report it); consent is implied
 * (first-party clients). For the negative tests, `tamperIdToken` alters the ID token the token
 * endpoint answers with and signs it again with the provider's own key — so only the claim is
 * wrong, never the signature.
 */

export type TestIdpAccount = { sub: string; email?: string; email_verified?: boolean; name?: string; groups?: string[] };
export type TestIdpClient = { clientId: string; clientSecret: string; redirectUris: string[] };
export type TestIdp = {
  issuer: string;
  /** Alter the claims of every ID token issued from now on (null: stop). */
  tamperIdToken(fn: ((claims: Record<string, unknown>) => Record<string, unknown>) | null): void;
  /** The claims of the last ID token issued (after any tampering). */
  lastIdTokenClaims(): Record<string, unknown> | null;
  close(): Promise<void>;
};

export const TEST_ACR_VALUES = ["substantial", "high", "idporten-loa-substantial", "idporten-loa-high"];

export async function startTestIdp(opts: { clients: TestIdpClient[]; accounts: TestIdpAccount[] }): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...(privateKey.export({ format: "jwk" }) as Record<string, string>), kid, alg: "RS256", use: "sig" };
  const accounts = new Map(opts.accounts.map((a) => [a.sub, a]));

  const config: Configuration = {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    jwks: { keys: [jwk] },
    // PKCE for every client, not only public ones: a code without its verifier is worthless.
    pkce: { required: () => true },
    claims: { acr: null, auth_time: null, sid: null, openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // The claims in the ID token itself (as MitID brokers and Entra ID send them), not only at userinfo.
    conformIdTokenClaims: false,
    acrValues: TEST_ACR_VALUES,
    cookies: { keys: [randomUUID()] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const a = accounts.get(id);
      if (!a) return undefined;
      return { accountId: id, claims: async () => ({ ...a }) };
    },
    // Consent is implied: grant what was asked (the organisation's own IdP and its own app).
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId! });
      grant.addOIDCScope(String(oidc.params!.scope ?? "openid"));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, config);

  let tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;
  let lastClaims: Record<string, unknown> | null = null;

  provider.use(async (ctx, next) => {
    const m = /^\/interaction\/([^/]+)$/.exec(ctx.path);
    if (m) return interaction(provider, ctx as KoaContextWithOIDC);
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path === "/token" && body && typeof body.id_token === "string") {
      let claims = JSON.parse(Buffer.from(body.id_token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
      if (tamper) {
        claims = tamper(claims);
        ctx.body = { ...body, id_token: signRs256(claims, privateKey, kid) };
      }
      lastClaims = claims;
    }
  });
  const handle = provider.callback();
  server.on("request", (req, res) => void handle(req, res));

  return {
    issuer,
    tamperIdToken(fn) {
      tamper = fn;
    },
    lastIdTokenClaims: () => lastClaims,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The provider's login page: GET shows a form, POST finishes the login with the account and acr. */
async function interaction(provider: Provider, ctx: KoaContextWithOIDC): Promise<void> {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === "GET") {
    ctx.type = "html";
    ctx.body = `<!doctype html><title>Test IdP</title><form method="post" action="/interaction/${details.uid}">
<input type="hidden" name="prompt" value="${details.prompt.name}"><label>User <input name="login"></label>
<label>Level <input name="acr" value="substantial"></label><button type="submit">Sign in</button></form>`;
    return;
  }
  const form = new URLSearchParams(await readBody(ctx.req));
  const login = form.get("login") ?? "";
  const acr = form.get("acr") || undefined;
  const result =
    details.prompt.name === "login"
      ? { login: { accountId: login, acr } }
      : { error: "access_denied", error_description: "unexpected prompt" };
  const redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
  ctx.status = 303;
  ctx.redirect(redirectTo);
}

function readBody(req: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (data += c));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function signRs256(claims: Record<string, unknown>, key: import("node:crypto").KeyObject, kid: string): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const input = `${enc({ alg: "RS256", kid, typ: "JWT" })}.${enc(claims)}`;
  const sig = createSign("RSA-SHA256").update(input).sign(key).toString("base64url");
  return `${input}.${sig}`;
}
