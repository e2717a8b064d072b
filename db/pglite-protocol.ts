/**
 * Just enough of PostgreSQL's extended query protocol to run one prepared statement many times
 * on PGlite: the messages written straight into one reused buffer, and the answer read straight
 * from PGlite's raw output. PGlite's generic serialiser and parser build an object per message
 * and field; on the collaboration server's path (every stored edit) that was about a fifth of
 * everything the process allocated, and so a share of its garbage-collection pauses.
 */

const decoder = new TextDecoder();

/** Frontend messages, written into one buffer that grows as needed and is reused. */
export class ProtocolWriter {
  private buffer = Buffer.allocUnsafe(4096);
  private at = 0;

  reset(): this {
    this.at = 0;
    return this;
  }

  /** The messages written since the last reset (a view: use it before writing again). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }

  parse(name: string, text: string): this {
    const start = this.begin("P");
    this.cstring(name);
    this.cstring(text);
    this.int16(0); // parameter types: none declared, the statement casts them
    return this.end(start);
  }

  /** Binds the unnamed portal to `statement` with text parameters (null for SQL NULL). */
  bind(statement: string, values: readonly (string | null)[]): this {
    const start = this.begin("B");
    this.cstring("");
    this.cstring(statement);
    this.int16(0); // every parameter in text format
    this.int16(values.length);
    for (const value of values) {
      if (value === null) {
        this.int32(-1);
        continue;
      }
      const length = Buffer.byteLength(value);
      this.reserve(4 + length);
      this.int32(length);
      this.at += this.buffer.write(value, this.at);
    }
    this.int16(0); // every result column in text format
    return this.end(start);
  }

  execute(): this {
    const start = this.begin("E");
    this.cstring("");
    this.int32(0); // all rows
    return this.end(start);
  }

  sync(): this {
    return this.end(this.begin("S"));
  }

  private begin(type: string): number {
    this.reserve(5);
    this.buffer[this.at++] = type.charCodeAt(0);
    const lengthAt = this.at;
    this.at += 4;
    return lengthAt;
  }

  private end(lengthAt: number): this {
    this.buffer.writeInt32BE(this.at - lengthAt, lengthAt);
    return this;
  }

  private cstring(text: string) {
    const length = Buffer.byteLength(text);
    this.reserve(length + 1);
    this.at += this.buffer.write(text, this.at);
    this.buffer[this.at++] = 0;
  }

  private int16(value: number) {
    this.reserve(2);
    this.at = this.buffer.writeInt16BE(value, this.at);
  }

  private int32(value: number) {
    this.reserve(4);
    this.at = this.buffer.writeInt32BE(value, this.at);
  }

  private reserve(bytes: number) {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }
}

/** Collects the backend's raw output, chunk by chunk, into one reused buffer. */
export class OutputBuffer {
  private buffer = new Uint8Array(4096);
  private at = 0;

  reset() {
    this.at = 0;
  }

  /** Copies `chunk` (PGlite hands out a view of its own memory, valid only during the call). */
  append(chunk: Uint8Array) {
    if (this.at + chunk.length > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.at + chunk.length));
      bigger.set(this.buffer.subarray(0, this.at));
      this.buffer = bigger;
    }
    this.buffer.set(chunk, this.at);
    this.at += chunk.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}

/** An ErrorResponse, with the fields callers look at (as on PGlite's and postgres.js's errors). */
export class ProtocolError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
  severity?: string;
  table?: string;
  constraint?: string;
}

export interface ExchangeResult {
  /** Each execution's rows, as arrays of text values, in order. */
  results: (string | null)[][][];
  /** The exchange's Parse was accepted (the statement now exists in the session). */
  parsed: boolean;
  /** The first error the backend reported; nothing of the exchange was kept. */
  error: ProtocolError | null;
}

/** Reads the answer to Parse?/Bind/Execute.../Sync: DataRows per CommandComplete, and any error. */
export function readExchange(bytes: Uint8Array): ExchangeResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const results: (string | null)[][][] = [[]];
  let parsed = false;
  let error: ProtocolError | null = null;
  let at = 0;
  while (at + 5 <= bytes.length) {
    const type = bytes[at]!;
    const end = at + 1 + view.getInt32(at + 1);
    const body = at + 5;
    if (type === 0x31 /* 1: ParseComplete */) parsed = true;
    else if (type === 0x44 /* D: DataRow */) results.at(-1)!.push(readRow(bytes, view, body));
    else if (type === 0x43 /* C: CommandComplete */) results.push([]);
    else if (type === 0x45 /* E: ErrorResponse */) error ??= readError(bytes, body, end);
    at = end;
  }
  results.pop();
  return { results, parsed, error };
}

function readRow(bytes: Uint8Array, view: DataView, at: number): (string | null)[] {
  const columns = view.getInt16(at);
  const row: (string | null)[] = [];
  at += 2;
  for (let i = 0; i < columns; i++) {
    const length = view.getInt32(at);
    at += 4;
    if (length < 0) row.push(null);
    else {
      row.push(decoder.decode(bytes.subarray(at, at + length)));
      at += length;
    }
  }
  return row;
}

function readError(bytes: Uint8Array, at: number, end: number): ProtocolError {
  const fields = new Map<string, string>();
  while (at < end && bytes[at] !== 0) {
    const field = String.fromCharCode(bytes[at]!);
    const stop = bytes.indexOf(0, at + 1);
    fields.set(field, decoder.decode(bytes.subarray(at + 1, stop)));
    at = stop + 1;
  }
  return Object.assign(new ProtocolError(fields.get("M") ?? "database error"), {
    code: fields.get("C"),
    detail: fields.get("D"),
    hint: fields.get("H"),
    severity: fields.get("V") ?? fields.get("S"),
    table: fields.get("t"),
    constraint: fields.get("n"),
  });
}
