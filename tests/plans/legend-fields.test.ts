import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_LEGEND } from "../../db/schema";
import { LegendFields } from "../../app/components/plans/LegendFields";

/** The attributes of the element with this id in static markup. */
function attributesOf(html: string, id: string): string {
  const m = new RegExp(`<(?:input|select)[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!m) throw new Error(`no control ${id}`);
  return m[0];
}

// The error summary links to the field named by each error ("meaning-0"): that control must carry the message.
describe("a plan's status legend form", () => {
  it("ties a message about what a status means, or its colour, to that select, not only to its text box", () => {
    const html = renderToStaticMarkup(
      createElement(LegendFields, { legend: DEFAULT_PLAN_LEGEND, errors: { "meaning-0": "One status must mean complete, so overdue actions can be found", "colour-2": "Select a colour" } }),
    );
    expect(attributesOf(html, "meaning-0")).toMatch(/aria-describedby="meaning-0-error"/);
    expect(html).toMatch(/id="meaning-0-error"[^>]*>.*One status must mean complete/);
    expect(attributesOf(html, "colour-2")).toMatch(/aria-describedby="colour-2-error"/);
    expect(html).toMatch(/id="colour-2-error"[^>]*>.*Select a colour/);
    // The text boxes of those rows are not the problem.
    expect(attributesOf(html, "label-0")).not.toMatch(/aria-describedby/);
  });

  it("keeps a message about the text on the text box", () => {
    const html = renderToStaticMarkup(createElement(LegendFields, { legend: DEFAULT_PLAN_LEGEND, errors: { "label-1": "Enter the status's text" } }));
    expect(attributesOf(html, "label-1")).toMatch(/aria-describedby="label-1-error"/);
    expect(html).toMatch(/id="label-1-error"[^>]*>.*Enter the status/);
  });
});
