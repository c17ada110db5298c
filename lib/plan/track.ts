export const TRACKS = ["employed", "unemployed"] as const;
export type Track = (typeof TRACKS)[number];

export function isTrack(v: unknown): v is Track {
  return v === "employed" || v === "unemployed";
}
