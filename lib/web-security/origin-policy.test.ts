import { describe, expect, it } from "vitest";
import { checkMutationOrigin, isAllowedSocketOrigin } from "./origin-policy";

const base = {
  method: "POST",
  origin: null,
  secFetchSite: null,
  hasCookie: true,
  requestOrigin: "http://localhost:3000",
  publicUrl: null,
} as const;

describe("checkMutationOrigin (every POST/PUT/PATCH/DELETE route handler)", () => {
  it("lets safe methods through whatever their Origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(checkMutationOrigin({ ...base, method, origin: "https://evil.example" })).toEqual({ ok: true });
    }
  });

  it("allows our own origin (the request's, or PUBLIC_URL's behind a proxy)", () => {
    expect(checkMutationOrigin({ ...base, origin: "http://localhost:3000" })).toEqual({ ok: true });
    expect(checkMutationOrigin({ ...base, origin: "https://stepwise.kommune.dk", publicUrl: "https://stepwise.kommune.dk/" })).toEqual({
      ok: true,
    });
    expect(checkMutationOrigin({ ...base, requestOrigin: "https://stepwise.example:443", origin: "https://stepwise.example" })).toEqual({
      ok: true,
    });
  });

  it("refuses a cross-site Origin on every mutating method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(checkMutationOrigin({ ...base, method, origin: "https://evil.example" })).toEqual({ ok: false, reason: "cross_origin" });
    }
    // Same host, other scheme or port: another origin.
    expect(checkMutationOrigin({ ...base, origin: "https://localhost:3000" })).toMatchObject({ ok: false });
    expect(checkMutationOrigin({ ...base, origin: "http://localhost:3001" })).toMatchObject({ ok: false });
    expect(checkMutationOrigin({ ...base, origin: "http://localhost:3000.evil.example" })).toMatchObject({ ok: false });
  });

  it("refuses Origin: null (sandboxed frames, file: pages), with or without cookies", () => {
    expect(checkMutationOrigin({ ...base, origin: "null" })).toEqual({ ok: false, reason: "null_origin" });
    expect(checkMutationOrigin({ ...base, origin: "null", hasCookie: false })).toEqual({ ok: false, reason: "null_origin" });
  });

  it("refuses an Origin that is not an origin", () => {
    expect(checkMutationOrigin({ ...base, origin: "javascript:alert(1)" })).toEqual({ ok: false, reason: "malformed_origin" });
    expect(checkMutationOrigin({ ...base, origin: "localhost:3000" })).toMatchObject({ ok: false });
  });

  it("refuses a missing Origin when the request carries cookies, or the browser says it is cross-site", () => {
    expect(checkMutationOrigin({ ...base })).toEqual({ ok: false, reason: "missing_origin_with_cookie" });
    expect(checkMutationOrigin({ ...base, hasCookie: false, secFetchSite: "cross-site" })).toEqual({
      ok: false,
      reason: "cross_site_fetch",
    });
    expect(checkMutationOrigin({ ...base, hasCookie: false, secFetchSite: "same-site" })).toMatchObject({ ok: false });
  });

  it("lets a cookieless request without Origin through (a script has no ambient authority to abuse)", () => {
    expect(checkMutationOrigin({ ...base, hasCookie: false })).toEqual({ ok: true });
    expect(checkMutationOrigin({ ...base, hasCookie: false, secFetchSite: "same-origin" })).toEqual({ ok: true });
  });
});

describe("isAllowedSocketOrigin (the WebSocket upgrade)", () => {
  it("allows the same host", () => {
    expect(isAllowedSocketOrigin("http://localhost:3000", "localhost:3000")).toBe(true);
    expect(isAllowedSocketOrigin("https://stepwise.example", "stepwise.example")).toBe(true);
    expect(isAllowedSocketOrigin("https://stepwise.example", "stepwise.example:443")).toBe(true);
    expect(isAllowedSocketOrigin("https://Stepwise.Example", "stepwise.example")).toBe(true);
  });

  it("allows PUBLIC_URL's origin and listed extra origins", () => {
    expect(isAllowedSocketOrigin("https://stepwise.kommune.dk", "10.0.0.5:3000", { publicUrl: "https://stepwise.kommune.dk" })).toBe(true);
    expect(isAllowedSocketOrigin("https://kiosk.example", "stepwise.example", { extraOrigins: ["https://kiosk.example"] })).toBe(true);
  });

  it("refuses evil.example, null, and anything that is not an origin", () => {
    expect(isAllowedSocketOrigin("https://evil.example", "stepwise.example")).toBe(false);
    expect(isAllowedSocketOrigin("https://stepwise.example.evil.example", "stepwise.example")).toBe(false);
    expect(isAllowedSocketOrigin("http://localhost:3001", "localhost:3000")).toBe(false);
    expect(isAllowedSocketOrigin("null", "stepwise.example")).toBe(false);
    expect(isAllowedSocketOrigin("NULL", "stepwise.example")).toBe(false);
    expect(isAllowedSocketOrigin("file://", "stepwise.example")).toBe(false);
    expect(isAllowedSocketOrigin("not a url", "stepwise.example")).toBe(false);
    expect(isAllowedSocketOrigin("https://evil.example", undefined)).toBe(false);
  });

  it("allows a missing Origin: only non-browser clients omit it, and they still need a valid ticket", () => {
    expect(isAllowedSocketOrigin(undefined, "stepwise.example")).toBe(true);
    expect(isAllowedSocketOrigin(null, "stepwise.example")).toBe(true);
    expect(isAllowedSocketOrigin("", "stepwise.example")).toBe(true);
  });
});
