import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  isFramablePath,
  newNonce,
  parseOriginList,
  scriptNonceNeeded,
  securityHeaders,
  type SecurityHeaderInput,
} from "./security-headers";

const input: SecurityHeaderInput = {
  pathname: "/meetings/6f0c2b9e-1d2a-4b7c-8e3f-9a0b1c2d3e4f",
  nonce: "abc123==",
  dev: false,
  production: true,
  secure: false,
  host: "localhost:3000",
  frameAncestors: [],
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("contentSecurityPolicy", () => {
  it("runs scripts only with this response's nonce, and nothing remote", () => {
    const d = directives(contentSecurityPolicy(input));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    const all = [...d.values()].flat();
    expect(all.filter((v) => /^https?:/.test(v))).toEqual([]);
    expect(all).not.toContain("*");
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("gives API answers no nonce and no script at all, so equal answers are equal byte for byte", () => {
    const api = { ...input, pathname: "/api/auth/email-link", nonce: null };
    expect(directives(contentSecurityPolicy(api)).get("script-src")).toEqual(["'none'"]);
    expect(contentSecurityPolicy(api)).toBe(contentSecurityPolicy({ ...api }));
    expect(scriptNonceNeeded("/api/auth/email-link")).toBe(false);
    expect(scriptNonceNeeded("/.well-known/stepwise-keys.json")).toBe(false);
    expect(scriptNonceNeeded("/meetings/x")).toBe(true);
    expect(scriptNonceNeeded("/join/x")).toBe(true);
    expect(scriptNonceNeeded("/apiary")).toBe(true);
  });

  it("allows the collaboration WebSocket on this host, ws or wss", () => {
    expect(directives(contentSecurityPolicy(input)).get("connect-src")).toEqual(["'self'", "ws://localhost:3000"]);
    const secure = directives(contentSecurityPolicy({ ...input, secure: true, host: "stepwise.example" }));
    expect(secure.get("connect-src")).toEqual(["'self'", "wss://stepwise.example"]);
    expect(secure.has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets only FRAME_ANCESTORS frame the shared-screen view, and nothing else", () => {
    const frameAncestors = ["https://kiosk.kommune.dk", "https://intra.kommune.dk"];
    const present = { ...input, pathname: "/meetings/6f0c2b9e-1d2a-4b7c-8e3f-9a0b1c2d3e4f/present", frameAncestors };
    expect(directives(contentSecurityPolicy(present)).get("frame-ancestors")).toEqual(frameAncestors);
    expect(directives(contentSecurityPolicy({ ...present, frameAncestors: [] })).get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy({ ...input, frameAncestors })).get("frame-ancestors")).toEqual(["'none'"]);
    expect(isFramablePath("/meetings/x/present/")).toBe(true);
    expect(isFramablePath("/meetings/x/present/y")).toBe(false);
    expect(isFramablePath("/meetings/x")).toBe(false);
  });

  it("adds eval only in development, and the identity provider to form-action when configured", () => {
    expect(directives(contentSecurityPolicy({ ...input, dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ ...input, formActionOrigins: ["https://idp.example"] })).get("form-action")).toEqual([
      "'self'",
      "https://idp.example",
    ]);
  });
});

describe("securityHeaders", () => {
  it("sets nosniff, a referrer policy, no-store and DENY framing", () => {
    const h = securityHeaders(input);
    expect(h).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cache-Control": "no-store",
      "X-Frame-Options": "DENY",
    });
    expect(securityHeaders({ ...input, pathname: "/meetings/x/present" })["X-Frame-Options"]).toBeUndefined();
  });

  it("sends no referrer at all from routes whose URL can carry a token", () => {
    for (const p of ["/join/abc", "/join/invalid", "/api/auth/callback/email"]) {
      expect(securityHeaders({ ...input, pathname: p })["Referrer-Policy"], p).toBe("no-referrer");
    }
    for (const p of ["/joined", "/verify", "/meetings/x"]) {
      expect(securityHeaders({ ...input, pathname: p })["Referrer-Policy"], p).toBe("strict-origin-when-cross-origin");
    }
  });

  it("lets the tokenless 'continue as …?' page post its form with our Origin (not no-referrer, which sends Origin: null)", () => {
    expect(securityHeaders({ ...input, pathname: "/join/confirm" })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(securityHeaders({ ...input, pathname: "/join/confirmx" })["Referrer-Policy"]).toBe("no-referrer");
  });

  it("sends HSTS in production over HTTPS (or with an https PUBLIC_URL) only", () => {
    expect(securityHeaders(input)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...input, secure: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders({ ...input, publicHttps: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders({ ...input, secure: true, production: false })["Strict-Transport-Security"]).toBeUndefined();
  });
});

describe("helpers", () => {
  it("makes a different 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it("reads FRAME_ANCESTORS as origins, dropping anything else", () => {
    expect(parseOriginList(" https://a.example  https://b.example:8443/path * 'self' null javascript:x ")).toEqual([
      "https://a.example",
      "https://b.example:8443",
    ]);
    expect(parseOriginList(undefined)).toEqual([]);
  });
});
