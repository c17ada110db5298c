import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CanonicalJsonError, canonicalBytes, canonicalize, parseCanonical } from "./canonical-json";

/** A double from its IEEE 754 bit pattern, as RFC 8785 appendix B lists them. */
function fromIeeeHex(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof CanonicalJsonError) return e.reason;
    throw e;
  }
  return undefined;
}

describe("canonical JSON (RFC 8785)", () => {
  it("canonicalises the RFC's §3.2.2 example: sorted keys, ECMAScript numbers, minimal string escapes", () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalize(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it("sorts keys by UTF-16 code units, as in the RFC's §3.2.3 example", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    // Read the order from the text: Object.keys would list the integer-like "1" first anyway.
    const order = [...canonicalize(input).matchAll(/":"([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([
      "Carriage Return",
      "One",
      "Control",
      "Latin Small Letter O With Diaeresis",
      "Euro Sign",
      "Emoji: Grinning Face",
      "Hebrew Letter Dalet With Dagesh",
    ]);
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    [1e30, "1e+30"],
    [4.5, "4.5"],
    [2e-3, "0.002"],
    [0.000001, "0.000001"],
    [1e-7, "1e-7"],
    [-0, "0"],
    [333333333.33333329, "333333333.3333333"],
    [1e-27, "1e-27"],
    [100, "100"],
  ])("writes the number %s as %s", (n, expected) => {
    expect(canonicalize(n)).toBe(expected);
  });

  it.each([
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ])("writes the appendix B double %s as %s", (hex, expected) => {
    expect(canonicalize(fromIeeeHex(hex))).toBe(expected);
  });

  it.each([
    ["7fffffffffffffff", "NaN"],
    ["7ff0000000000000", "Infinity"],
    ["fff0000000000000", "-Infinity"],
  ])("refuses the appendix B double %s (%s)", (hex) => {
    expect(reasonOf(() => canonicalize({ n: fromIeeeHex(hex) }))).toBe("non-finite-number");
  });

  it("emits no whitespace and encodes as UTF-8", () => {
    expect(canonicalize({ b: [1, { d: true, c: null }], a: "x y" })).toBe('{"a":"x y","b":[1,{"c":null,"d":true}]}');
    expect([...canonicalBytes({ k: "€" })]).toEqual([...Buffer.from('{"k":"€"}', "utf8")]);
  });

  it("refuses what JSON cannot carry, with a typed error that says where", () => {
    expect(reasonOf(() => canonicalize({ a: undefined }))).toBe("undefined");
    expect(reasonOf(() => canonicalize([undefined]))).toBe("undefined");
    expect(reasonOf(() => canonicalize(undefined))).toBe("undefined");
    expect(reasonOf(() => canonicalize({ f: () => 1 }))).toBe("function");
    expect(reasonOf(() => canonicalize({ n: 10n }))).toBe("bigint");
    expect(reasonOf(() => canonicalize({ s: Symbol("x") }))).toBe("symbol");
    expect(reasonOf(() => canonicalize({ [Symbol("k")]: 1 }))).toBe("symbol");
    expect(reasonOf(() => canonicalize({ d: new Date(0) }))).toBe("non-plain-object");
    expect(reasonOf(() => canonicalize(new Map()))).toBe("non-plain-object");
    expect(reasonOf(() => canonicalize(new (class Plan {})()))).toBe("non-plain-object");
    expect(reasonOf(() => canonicalize([1, , 3]))).toBe("sparse-array");
    expect(reasonOf(() => canonicalize({ s: "a\ud800b" }))).toBe("lone-surrogate");
    expect(reasonOf(() => canonicalize({ ["\udc00"]: 1 }))).toBe("lone-surrogate");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(reasonOf(() => canonicalize(cyclic))).toBe("cycle");

    try {
      canonicalize({ plan: { steps: [1, Number.NaN] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CanonicalJsonError);
      expect((e as CanonicalJsonError).path).toBe("/plan/steps/1");
    }
  });

  it("accepts the same value seen twice (shared, not cyclic) and null-prototype objects", () => {
    const shared = { x: 1 };
    expect(canonicalize({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: 2 });
    expect(canonicalize(bare)).toBe('{"a":2,"b":1}');
  });

  it("parses canonical bytes back and refuses every other spelling of the same document", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(parseCanonical(bytes('{"a":[1,"x"],"b":null}'))).toEqual({ a: [1, "x"], b: null });
    expect(reasonOf(() => parseCanonical(bytes('{"a": 1}')))).toBe("not-canonical");
    expect(reasonOf(() => parseCanonical(bytes('{"b":1,"a":2}')))).toBe("not-canonical");
    expect(reasonOf(() => parseCanonical(bytes('{"a":1,"a":1}')))).toBe("not-canonical");
    expect(reasonOf(() => parseCanonical(bytes('{"a":1.0}')))).toBe("not-canonical");
    expect(reasonOf(() => parseCanonical(bytes('{"a":"\\u0041"}')))).toBe("not-canonical");
    expect(reasonOf(() => parseCanonical(bytes('{"a":1}\n')))).toBe("not-canonical");
    expect(reasonOf(() => parseCanonical(bytes('\ufeff{"a":1}')))).toBe("invalid-json");
    expect(reasonOf(() => parseCanonical(new Uint8Array([0x22, 0xff, 0x22])))).toBe("invalid-utf8");
    expect(reasonOf(() => parseCanonical(bytes('{"a":')))).toBe("invalid-json");
    expect(reasonOf(() => parseCanonical(bytes('"\\ud800"')))).toBe("lone-surrogate");
  });

  it("round-trips any JSON value through its canonical bytes (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const bytes = canonicalBytes(value);
        expect(canonicalBytes(parseCanonical(bytes))).toEqual(bytes);
      }),
    );
  });
});
