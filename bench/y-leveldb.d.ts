/**
 * y-leveldb@0.1.2 ships types, but its package "exports" do not point at them, so TypeScript's
 * bundler resolution cannot find them. The part the bench uses (seeding and counting the LevelDB
 * of the reference server) is declared here.
 */
declare module "y-leveldb" {
  export const PREFERRED_TRIM_SIZE: number;
  export function getLevelUpdates(db: unknown, docName: string, opts?: object): Promise<Buffer[]>;
  export class LeveldbPersistence {
    constructor(location: string, opts?: { level?: unknown; levelOptions?: object });
    /** Private in y-leveldb ("might change"): runs f on the level db in its single queue. */
    _transact<T>(f: (db: LevelDb) => Promise<T>): Promise<T>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    destroy(): Promise<void>;
  }
  export type LevelDb = { batch(ops: { type: "put"; key: (string | number)[]; value: Buffer }[]): Promise<void> };
}
