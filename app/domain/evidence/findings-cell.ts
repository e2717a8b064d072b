/**
 * The Findings column of the evidence download and import. Trackers typed by hand put one finding
 * per line, or several on one line separated by semicolons, and the download wrote findings one per
 * line: a finding that ran over several lines came back as several findings. So a cell that begins
 * with "1." (or "1)") is read as a numbered list: a finding begins at the start of a line with the
 * next number ("2.", "3." ...) and runs to the next one, line breaks, blank lines and semicolons
 * included. The download numbers an item's findings only where one per line would not read back
 * as written, so most cells look as they always did.
 */

const normalised = (text: string) => text.replace(/\r\n?/g, "\n").trim();

/** "2. " or "2) " (or "2." ending the line) at the start of a line; "2.5%" and "2.1 Access" are not markers. */
const marker = (n: number, mark: string) => new RegExp(`^[ \\t]*${n}\\${mark}(?:[ \\t]+|$)`);

/** The findings a Findings cell holds, in order. */
export function readFindingsCell(cell: string): string[] {
  const text = normalised(cell);
  const mark = /^1([.)])(?:[ \t]|\n|$)/.exec(text)?.[1];
  if (!mark) return (text.includes("\n") ? text.split(/\n+/) : text.split(";")).map((x) => x.trim()).filter(Boolean);
  const findings: string[][] = [];
  for (const line of text.split("\n")) {
    const start = marker(findings.length + 1, mark).exec(line);
    if (start) findings.push([line.slice(start[0].length)]);
    else findings[findings.length - 1]!.push(line);
  }
  return findings.map((lines) => lines.join("\n").trim()).filter(Boolean);
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A Findings cell `readFindingsCell` reads back as `findings`: one per line when that reads back,
 * else numbered "1. ", "2. " ... or, when a finding has a line of its own that begins with the
 * next finding's number, "1) ", "2) " ... (A finding whose lines begin with the next number in
 * both forms would still read back split; rare enough to leave.)
 */
export function findingsCell(findings: string[]): string {
  const texts = findings.map(normalised).filter(Boolean);
  const numbered = (mark: string) => texts.map((text, i) => `${i + 1}${mark} ${text}`).join("\n");
  const candidates = [texts.join("\n"), numbered("."), numbered(")")];
  return candidates.find((cell) => same(readFindingsCell(cell), texts)) ?? candidates[1]!;
}
