import { defaultConfig, type AppConfig } from "../../app/lib/config";

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...defaultConfig("http://localhost:3000"), ...overrides };
}

/** The token inside a Set-Cookie header. */
export function tokenFrom(setCookie: string): string {
  const match = /^[^=]+=([^;]*)/.exec(setCookie);
  if (!match?.[1]) throw new Error(`No cookie value in ${setCookie}`);
  return match[1];
}

export function cookieHeader(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

/** The token of an invitation link ("http://.../invitations/<token>"). */
export const invitationToken = (url: string) => url.split("/invitations/")[1]!;
