import { describe, expect, it } from "vitest";
import { messageArguments } from "./message-arguments";

describe("messageArguments", () => {
  it("reads plain placeholders, once each, in name order", () => {
    expect(messageArguments("{name} ({role}) signs; {name} again")).toEqual([
      { name: "name", type: "text" },
      { name: "role", type: "text" },
    ]);
  });

  it("reads plural arguments and the placeholders inside their options", () => {
    expect(messageArguments("{count, plural, one {# item for {who}} other {# items}} at {when}")).toEqual([
      { name: "count", type: "plural" },
      { name: "when", type: "text" },
      { name: "who", type: "text" },
    ]);
  });

  it("keeps the options of a select, which every language must offer alike", () => {
    expect(messageArguments("{kind, select, a {A} b {B} other {?}}")).toEqual([{ name: "kind", type: "select", options: ["a", "b", "other"] }]);
  });

  it("treats quoted braces and apostrophes as text", () => {
    expect(messageArguments("PDF'en og '{literal}' og {x}")).toEqual([{ name: "x", type: "text" }]);
  });

  it("refuses unbalanced braces and plurals without 'other'", () => {
    expect(() => messageArguments("{name")).toThrow();
    expect(() => messageArguments("name}")).toThrow();
    expect(() => messageArguments("{n, plural, one {#}}")).toThrow();
  });
});
