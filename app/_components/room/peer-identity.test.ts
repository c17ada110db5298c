import { describe, expect, it } from "vitest";
import { presenceColor } from "@/lib/collab/presence";
import { knownIdentity } from "./peer-identity";

describe("knownIdentity", () => {
  const participants = [
    { id: "p-cw", role: "caseworker" as const, displayName: "Mette Sørensen", colorIndex: 0 },
    { id: "p-m", role: "manager" as const, displayName: "Lars Nielsen", colorIndex: 2 },
  ];

  it("attack 12.10: a peer's own id with another's name and role is shown with the name and role of the participant list", () => {
    const forged = { participantId: "p-m", name: "Mette Sørensen", role: "caseworker" as const, color: presenceColor(0) };
    expect(knownIdentity(forged, participants)).toEqual({
      participantId: "p-m",
      name: "Lars Nielsen",
      role: "manager",
      color: presenceColor(2),
    });
  });

  it("keeps the (server-stamped) identity of someone not on the list yet", () => {
    const newcomer = { participantId: "p-new", name: "Ida", role: "union_rep" as const, color: presenceColor(4) };
    expect(knownIdentity(newcomer, participants)).toBe(newcomer);
  });
});
