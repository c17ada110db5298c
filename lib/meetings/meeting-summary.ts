/** A meeting as the pages that list or show one read it: when, how long, where, and its state. */
export type MeetingSummary = {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: string;
};
