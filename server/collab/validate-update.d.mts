/** See validate-update.mjs: decode and check an untrusted V1 update; throws when malformed. */
export declare function validateUpdate(update: Uint8Array): number[];
