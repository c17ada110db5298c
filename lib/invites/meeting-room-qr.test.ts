import { describe, expect, it } from "vitest";
import { meetingRoomQr } from "./meeting-room-qr";

describe("meetingRoomQr", () => {
  it("encodes the meeting's address only — no token, nothing else", async () => {
    const id = "0b7f8c3e-4a52-4d8e-9c1a-2f6b3e9d7a10";
    const { url, svg } = await meetingRoomQr(id);
    expect(url).toMatch(new RegExp(`^https?://[^/]+/meetings/${id}$`));
    expect(url).not.toMatch(/join|token|\?/);
    expect(svg).toMatch(/^<svg/);
  });

  it("refuses anything that is not a meeting id", async () => {
    await expect(meetingRoomQr("../join/abc")).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
