import type { decodeUpdate } from "yjs";

/** See validate-update.mjs: decode and check an untrusted V1 update; throws when malformed. */
export declare function validateUpdate(update: Uint8Array): number[];

/** validateUpdate that also returns the decoded update (for the shape check to reuse). */
export declare function inspectUpdate(update: Uint8Array): { ends: number[]; decoded: ReturnType<typeof decodeUpdate> };
