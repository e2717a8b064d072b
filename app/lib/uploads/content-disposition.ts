/**
 * The Content-Disposition of a download: always an attachment, with the file's name twice. First
 * as a quoted ASCII name for old clients: printable ASCII kept (so "Women's report (final).pdf"
 * stays readable), only the quote, backslash and percent sign replaced, since some browsers read
 * %xx there. Then the exact name, percent-encoded as RFC 5987 asks: encodeURIComponent leaves
 * ' ( ) * as they are, and a header with them there is malformed (strict parsers, such as the
 * `content-disposition` package, refuse it, and a browser may fall back to the ASCII name).
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
