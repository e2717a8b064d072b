import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import { decodeMessage, MESSAGE_SYNC, updateMessage } from "./protocol";

describe("updateMessage", () => {
  it("writes exactly what y-protocols' encoder writes, whatever the length's varint size", () => {
    for (const length of [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_152 + 5]) {
      const update = new Uint8Array(length).map((_, i) => i % 251);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      syncProtocol.writeUpdate(e, update);
      const ours = updateMessage(update);
      const theirs = encoding.toUint8Array(e);
      // Compared as buffers: the matcher's element-by-element comparison of 2 MB took over 30 s on a loaded machine.
      expect(ours.length).toBe(theirs.length);
      expect(Buffer.compare(ours, theirs)).toBe(0);
    }
  });

  it("reads back as an update carrying the same bytes", () => {
    const update = new Uint8Array([1, 2, 3, 200]);
    const message = decodeMessage(updateMessage(update));
    expect(message).toEqual({ kind: "update", update });
    const d = decoding.createDecoder(updateMessage(update));
    expect(decoding.readVarUint(d)).toBe(MESSAGE_SYNC);
  });
});
