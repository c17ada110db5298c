import type { Track } from "./track";

/**
 * The staircase model (trappemodellen): the effort starts at the highest step the person can
 * manage. People in a job have four steps, unemployed people three. The meaning of each step
 * lives in the message catalogues under `staircase.<track>.<step>`.
 */
export const STAIRCASE: Record<Track, readonly number[]> = {
  employed: [1, 2, 3, 4],
  unemployed: [1, 2, 3],
};

export function stepsForTrack(track: Track): readonly number[] {
  return STAIRCASE[track];
}

export function isValidStep(track: Track, step: number): boolean {
  return STAIRCASE[track].includes(step);
}
