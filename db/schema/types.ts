import { customType } from "drizzle-orm/pg-core";

// drizzle-orm has no bytea column type; both postgres.js and PGlite hand back Uint8Array/Buffer.
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return "bytea";
  },
  toDriver(value) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  },
  fromDriver(value) {
    return new Uint8Array(value);
  },
});
