/**
 * The raw value of the cookie `name` in a Cookie header, or null. Other cookies are not decoded:
 * the browser sends every cookie of the site, including other applications' on a shared NHS
 * domain, and one with a malformed %-escape made Lucia's parser throw (`URIError`), which turned
 * every page into a 500 for that browser. Our own cookies are URL-safe tokens, never encoded.
 */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | null {
  const prefix = `${name}=`;
  for (const part of (cookieHeader ?? "").split(";")) {
    const item = part.trim();
    if (item.startsWith(prefix)) return item.slice(prefix.length);
  }
  return null;
}
