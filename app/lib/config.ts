/** Settings the app needs at request time, validated once in server/env.ts and passed via the load context. */
export interface AppConfig {
  /** Origins a state-changing request may come from (CSRF). */
  origins: string[];
  /** Public base URL, used for invitation links. */
  publicUrl: string;
  secureCookies: boolean;
  /** Sessions end after this much inactivity (at most; Lucia extends in halves). */
  sessionIdleMinutes: number;
  /** Sessions end this long after sign-in, however active. */
  sessionMaxHours: number;
  invitationDays: number;
}

export const defaultConfig = (origin = "http://localhost:3000"): AppConfig => ({
  origins: [origin],
  publicUrl: origin,
  secureCookies: false,
  sessionIdleMinutes: 240,
  sessionMaxHours: 24,
  invitationDays: 7,
});
