import { describe, expect, it } from "vitest";
import { legendIndexOf, parseLegendRows } from "./legend-input";

function form(rows: { key?: string; label: string; colour: string; remove?: boolean }[]) {
  const f = new FormData();
  for (const r of rows) {
    f.append("key", r.key ?? "");
    f.append("label", r.label);
    f.append("colour", r.colour);
    if (r.remove && r.key) f.append("remove", r.key);
  }
  return f;
}

describe("parseLegendRows", () => {
  it("keeps existing keys, names new statuses from their text, drops empty new rows and removed ones", () => {
    const f = form([
      { key: "blue", label: " Action ongoing ", colour: "blue" },
      { key: "red", label: "Not started", colour: "red", remove: true },
      { label: "On hold", colour: "purple" },
      { label: "", colour: "grey" },
    ]);
    const { rows, errors } = parseLegendRows(f);
    expect(errors).toEqual({});
    expect(rows.map(({ key, label, colour, index }) => ({ key, label, colour, index }))).toEqual([
      { key: "blue", label: "Action ongoing", colour: "blue", index: 0 },
      { key: "s3-on-hold", label: "On hold", colour: "purple", index: 2 },
    ]);
    expect(legendIndexOf(f, "red")).toBe(1);
  });

  it("says what is wrong beside each field", () => {
    const { errors } = parseLegendRows(
      form([
        { key: "blue", label: "", colour: "blue" },
        { label: "Done", colour: "green" },
        { label: "done", colour: "pink" },
        { label: "x".repeat(61), colour: "red" },
      ]),
    );
    expect(errors).toEqual({
      "label-0": "Enter the status's text",
      "label-2": "Two statuses cannot have the same text",
      "colour-2": "Select a colour",
      "label-3": "Status text must be 60 characters or fewer",
    });
  });

  // "On hold", added as status 5, since renamed "Paused"; status 4 removed; a new "On hold" lands at 5 again.
  it("gives a new status a key no status in the form has", () => {
    const { rows } = parseLegendRows(
      form([
        { key: "blue", label: "Action ongoing", colour: "blue" },
        { key: "green", label: "Complete", colour: "green" },
        { key: "amber", label: "In progress", colour: "amber", remove: true },
        { key: "s5-on-hold", label: "Paused", colour: "purple" },
        { label: "On hold", colour: "grey" },
      ]),
    );
    expect(rows.map((r) => r.key)).toEqual(["blue", "green", "s5-on-hold", "s5-on-hold-2"]);
  });
});
