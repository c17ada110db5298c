import { describe, expect, it } from "vitest";
import { parseRequestTarget } from "./request-target";

describe("parseRequestTarget", () => {
  it("leaves paths outside the collab prefix to the caller", () => {
    expect(parseRequestTarget("/_next/webpack-hmr", "/collab")).toBeNull();
    expect(parseRequestTarget("/collabx/room", "/collab")).toBeNull();
  });
  it("reads the room and the ticket", () => {
    expect(parseRequestTarget("/collab/meeting-1?ticket=abc", "/collab")).toEqual({ room: "meeting-1", ticket: "abc" });
  });
  it("marks a missing, nested or undecodable room as malformed", () => {
    expect(parseRequestTarget("/collab", "/collab")).toEqual({ room: null, ticket: null });
    expect(parseRequestTarget("/collab/a/b", "/collab")?.room).toBeNull();
    expect(parseRequestTarget("/collab/%E0%A4%A", "/collab")?.room).toBeNull();
  });
});
