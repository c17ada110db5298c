import { describe, expect, it } from "vitest";
import { authUrlFor, listenUrl, PublicUrlMissingError, requirePublicUrl, resolvePublicUrl, socketOriginOf } from "./public-url";

const prod = { NODE_ENV: "production", HOST: "0.0.0.0", DATABASE_URL: "postgres://db.example/stepwise", PUBLIC_URL: undefined } as const;

describe("resolvePublicUrl", () => {
  it("refuses to start in production on a real database without PUBLIC_URL, naming it", () => {
    expect(() => requirePublicUrl(prod)).toThrow(PublicUrlMissingError);
    expect(() => resolvePublicUrl(prod, 3000)).toThrow(/PUBLIC_URL/);
  });

  it("takes PUBLIC_URL as given, without a trailing slash", () => {
    expect(resolvePublicUrl({ ...prod, PUBLIC_URL: "https://stepwise.kommune.dk/" }, 3000)).toEqual({
      url: "https://stepwise.kommune.dk",
      configured: true,
    });
  });

  it("lets the embedded demo and development default to the listen address", () => {
    expect(resolvePublicUrl({ ...prod, DATABASE_URL: undefined }, 3000)).toEqual({ url: "http://localhost:3000", configured: false });
    expect(resolvePublicUrl({ ...prod, NODE_ENV: "development" }, 4000)).toEqual({ url: "http://localhost:4000", configured: false });
    expect(resolvePublicUrl({ ...prod, NODE_ENV: "test", HOST: "127.0.0.1" }, 41234).url).toBe("http://127.0.0.1:41234");
  });

  it("writes the listen address as a URL", () => {
    expect(listenUrl("0.0.0.0", 3000)).toBe("http://localhost:3000");
    expect(listenUrl("::", 3000)).toBe("http://localhost:3000");
    expect(listenUrl("192.168.1.20", 3000)).toBe("http://192.168.1.20:3000");
    expect(listenUrl("::1", 3000)).toBe("http://[::1]:3000");
  });
});

describe("authUrlFor", () => {
  it("derives Auth.js's address from the public URL, and refuses one on another origin", () => {
    expect(authUrlFor("https://stepwise.kommune.dk", undefined)).toBe("https://stepwise.kommune.dk/api/auth");
    expect(authUrlFor("https://stepwise.kommune.dk", "https://stepwise.kommune.dk/api/auth")).toBe("https://stepwise.kommune.dk/api/auth");
    expect(() => authUrlFor("https://stepwise.kommune.dk", "https://evil.example/api/auth")).toThrow(/AUTH_URL/);
    expect(() => authUrlFor("https://stepwise.kommune.dk", "not a url")).toThrow(/AUTH_URL/);
  });
});

describe("socketOriginOf", () => {
  it("maps http to ws and https to wss, dropping any path", () => {
    expect(socketOriginOf("http://127.0.0.1:3000")).toBe("ws://127.0.0.1:3000");
    expect(socketOriginOf("https://stepwise.kommune.dk/base")).toBe("wss://stepwise.kommune.dk");
  });
});
