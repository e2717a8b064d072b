/**
 * The Findings column of the evidence download and import. Trackers typed by hand put one finding
 * per line, or several on one line separated by semicolons, and the download wrote findings one per
 * line: a finding that ran over several lines came back as several findings. So a cell that begins
 * with "1." (or "1)") is read as a numbered list: a finding begins at the start of a line with the
 * next number ("2.", "3." ...) and runs to the next one, line breaks, blank lines and semicolons
 * included. The download numbers an item's findings only where one per line would not read back
 * as written, or where its findings' tags columns refer to them by number, so most cells look as
 * they always did. The Recommendations column is read and written the same way, and the columns
 * that refer to findings or recommendations by number with `numberedLines` or `numberedTexts`.
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
 * A Findings cell `readFindingsCell` reads back as `findings`: one per line when that reads back
 * and `numbered` is not asked for (the download asks when the findings' tags columns refer to
 * findings by number, so the numbers can be read off the cell), else numbered "1. ", "2. " ...
 * or, when a finding has a line of its own that begins with the
 * next finding's number, "1) ", "2) " ... (A finding whose lines begin with the next number in
 * both forms would still read back split; rare enough to leave.)
 */
export function findingsCell(findings: string[], numbered = false): string {
  const texts = findings.map(normalised).filter(Boolean);
  const withNumbers = (mark: string) => texts.map((text, i) => `${i + 1}${mark} ${text}`).join("\n");
  const candidates = [...(numbered ? [] : [texts.join("\n")]), withNumbers("."), withNumbers(")")];
  return candidates.find((cell) => same(readFindingsCell(cell), texts)) ?? withNumbers(".");
}

/**
 * A column that says something about some of a row's findings, its findings' tags: one line per
 * finding that has any, beginning with the finding's number in the Findings column ("2. EDS2022
 * 1A; EDS2 2.1"). Numbered always, whether the Findings cell is or not, so a finding without tags
 * needs no blank line (a spreadsheet drops those) and a line cannot be matched to the wrong one.
 */
export function numberedLines(perFinding: string[]): string {
  return perFinding.flatMap((text, i) => (text ? [`${i + 1}. ${text}`] : [])).join("\n");
}

/** What `numberedLines` wrote, by finding number; a line without a number is kept apart, to be refused by name. */
export function readNumberedLines(cell: string): { byNumber: Map<number, string>; unnumbered: string[] } {
  const byNumber = new Map<number, string>();
  const unnumbered: string[] = [];
  for (const line of normalised(cell).split("\n").map((l) => l.trim()).filter(Boolean)) {
    const numbered = /^(\d+)[.)](?:[ \t]+|$)(.*)$/.exec(line);
    if (!numbered) unnumbered.push(line);
    else byNumber.set(Number(numbered[1]), [byNumber.get(Number(numbered[1])), numbered[2]!.trim()].filter(Boolean).join("; "));
  }
  return { byNumber, unnumbered };
}

/** "2. " or "2) " at the start of a line, with the number and the mark. */
const anyMarker = /^[ \t]*(\d+)([.)])(?:[ \t]+|$)/;

/**
 * What `numberedTexts` wrote, by number: texts that may run over several lines (a recommendation's
 * response). An entry begins at a line starting with a number higher than the last, in the mark
 * ("." or ")") of the first, and runs to the next; what comes before the first number is kept
 * apart, to be refused by name.
 */
export function readNumberedTexts(cell: string): { byNumber: Map<number, string>; unnumbered: string[] } {
  const byNumber = new Map<number, string[]>();
  const before: string[] = [];
  let mark: string | undefined;
  let current = 0;
  for (const line of normalised(cell).split("\n")) {
    const start = anyMarker.exec(line);
    if (start && (mark ?? start[2]) === start[2] && Number(start[1]) > current) {
      mark = start[2];
      current = Number(start[1]);
      byNumber.set(current, [line.slice(start[0].length)]);
    } else (byNumber.get(current) ?? before).push(line);
  }
  const unnumbered = before.join("\n").trim();
  return { byNumber: new Map([...byNumber].map(([n, lines]) => [n, lines.join("\n").trim()])), unnumbered: unnumbered ? [unnumbered] : [] };
}

/**
 * Texts of some of a row's recommendations (or findings) that may run over several lines, one
 * entry per one that has any, numbered as in its own column: "1. " ..., or "1) " ... when a text has
 * a line of its own that begins with a later number, so that it reads back as written.
 */
export function numberedTexts(perEntry: string[]): string {
  const texts = perEntry.map(normalised);
  const withNumbers = (mark: string) => texts.flatMap((text, i) => (text ? [`${i + 1}${mark} ${text}`] : [])).join("\n");
  const readsBack = (cell: string) => texts.every((text, i) => (readNumberedTexts(cell).byNumber.get(i + 1) ?? "") === text);
  return [withNumbers("."), withNumbers(")")].find(readsBack) ?? withNumbers(".");
}
