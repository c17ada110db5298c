import { describe, expect, it } from "vitest";
import { decodeFrame, ProtocolError } from "./protocol";

describe("decodeFrame", () => {
  it("rejects unknown message types, unknown sync types and truncated frames", () => {
    expect(() => decodeFrame(new Uint8Array([9]))).toThrow(ProtocolError);
    expect(() => decodeFrame(new Uint8Array([0, 7, 0]))).toThrow(ProtocolError);
    expect(() => decodeFrame(new Uint8Array([0x80]))).toThrow();
    expect(() => decodeFrame(new Uint8Array([0, 2, 50, 1, 2]))).toThrow();
  });
});
