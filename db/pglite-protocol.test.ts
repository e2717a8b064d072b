import { describe, expect, it } from "vitest";
import { OutputBuffer, ProtocolWriter, readExchange } from "./pglite-protocol";

/** A backend message: type, length (itself included), body. */
function message(type: string, body: number[] = []): number[] {
  const length = body.length + 4;
  return [type.charCodeAt(0), (length >>> 24) & 255, (length >>> 16) & 255, (length >>> 8) & 255, length & 255, ...body];
}
const int16 = (n: number) => [(n >>> 8) & 255, n & 255];
const int32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const cstring = (s: string) => [...utf8(s), 0];
const dataRow = (...values: (string | null)[]) =>
  message("D", [...int16(values.length), ...values.flatMap((v) => (v === null ? int32(-1) : [...int32(utf8(v).length), ...utf8(v)]))]);

describe("ProtocolWriter", () => {
  it("writes Parse, Bind (text values, NULL, multi-byte text), Execute and Sync as the protocol lays them out", () => {
    const bytes = [...new ProtocolWriter().parse("s1", "select $1::text").bind("s1", ["é", null]).execute().sync().bytes()];
    const bindBody = [...cstring(""), ...cstring("s1"), ...int16(0), ...int16(2), ...int32(2), ...utf8("é"), ...int32(-1), ...int16(0)];
    expect(bytes).toEqual([
      ...message("P", [...cstring("s1"), ...cstring("select $1::text"), ...int16(0)]),
      ...message("B", bindBody),
      ...message("E", [...cstring(""), ...int32(0)]),
      ...message("S"),
    ]);
  });

  it("grows past its first buffer and starts again after reset", () => {
    const writer = new ProtocolWriter();
    const long = "x".repeat(10_000);
    expect(writer.bind("s", [long]).bytes().length).toBeGreaterThan(10_000);
    expect([...writer.reset().sync().bytes()]).toEqual(message("S"));
  });
});

describe("readExchange", () => {
  it("gives each execution's rows in order, NULLs and multi-byte text intact", () => {
    const out = new OutputBuffer();
    const answer = [
      ...message("1"),
      ...message("2"),
      ...dataRow("1", null),
      ...message("C", cstring("SELECT 1")),
      ...message("2"),
      ...dataRow("ünïcode", "x"),
      ...dataRow("second row", "y"),
      ...message("C", cstring("SELECT 2")),
      ...message("Z", utf8("I")),
    ];
    // PGlite hands its output over in chunks, cut anywhere.
    for (let at = 0; at < answer.length; at += 7) out.append(new Uint8Array(answer.slice(at, at + 7)));
    expect(readExchange(out.bytes())).toEqual({
      parsed: true,
      error: null,
      results: [[["1", null]], [["ünïcode", "x"], ["second row", "y"]]],
    });
  });

  it("reports the first error with its code, message and detail", () => {
    const fields = [..."S".split("").map((c) => c.charCodeAt(0)), ...cstring("ERROR"), 67, ...cstring("42501"), 77, ...cstring("new row violates row-level security policy"), 68, ...cstring("some detail"), 0];
    const answer = [...message("2"), ...message("E", fields), ...message("Z", utf8("I"))];
    const { error, parsed, results } = readExchange(new Uint8Array(answer));
    expect(parsed).toBe(false);
    expect(results).toEqual([]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "42501", message: "new row violates row-level security policy", detail: "some detail", severity: "ERROR" });
  });
});
