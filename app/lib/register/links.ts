/** An evidence page in this app, as the link editor writes it when an item is linked: `/evidence/<id>`. */
const EVIDENCE_PAGE = /^\/evidence\/[^\s\\/][^\s\\]*$/;
/** What the link editor and the imports accept for a web address. */
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/**
 * The href to give a register or plan evidence link, or null to show it as text only. The editor
 * checks links in the browser, but the shared documents take whatever a modified client sends, and
 * every member sees it: so only `http:`/`https:` addresses and this app's `/evidence/...` pages
 * become links, never `javascript:`, `data:`, `//other-site` and the like.
 */
export function evidenceHref(url: string): string | null {
  if (EVIDENCE_PAGE.test(url)) return url;
  if (!WEB_ADDRESS.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // The address as parsed (what a browser would follow), so the check and the link cannot differ.
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}
