import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";

/**
 * The y-protocols wire format as the stock y-websocket client speaks it: one message per frame,
 * a varuint message type, then its body. Encoders live here; decoding is `decodeFrame`, which
 * turns any malformed frame into an exception the connection maps to close 1007.
 */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

export type ClientMessage =
  | { type: "syncStep1"; stateVector: Uint8Array }
  | { type: "syncStep2"; update: Uint8Array }
  | { type: "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "queryAwareness" }
  | { type: "auth" };

export class ProtocolError extends Error {
  override name = "ProtocolError";
}

/**
 * Decode one client frame. `frame` must own its whole ArrayBuffer (see `ownBytes`): lib0 reads
 * byte arrays as views over `frame.buffer`, so a view into a pooled Node buffer would read past
 * the frame's end instead of failing.
 */
export function decodeFrame(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const sub = decoding.readVarUint(decoder);
      const body = decoding.readVarUint8Array(decoder);
      if (sub === SyncType.step1) return { type: "syncStep1", stateVector: body };
      if (sub === SyncType.step2) return { type: "syncStep2", update: body };
      if (sub === SyncType.update) return { type: "update", update: body };
      throw new ProtocolError(`unknown sync message ${sub}`);
    }
    case MessageType.awareness:
      return { type: "awareness", update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { type: "queryAwareness" };
    case MessageType.auth:
      // The server never asks for auth messages (auth is the ticket); a client sending one is
      // harmless, so it is ignored rather than treated as an attack.
      return { type: "auth" };
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

/** A private copy of a received frame, so decoding can never run past its end. */
export function ownBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncType.step1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncType.step2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncType.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}
