import { z } from "zod";
import type { AppConfig } from "../app/lib/config";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().default("./data"),
  /** The embedded database's buffer pool (PostgreSQL's shared_buffers), e.g. 16MB or 128MB. */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, "a size such as 16MB")
    .optional(),
  /** Public URL of the service (invitation links). Defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Extra origins allowed to post (comma-separated), beyond PUBLIC_URL's. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** "auto" seeds demo data into an empty database at start; "off" never does. */
  PEFF_DEMO: z.enum(["auto", "off"]).default("auto"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(240),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(24),
  INVITATION_DAYS: z.coerce.number().int().positive().max(90).default(7),
  /** Express "trust proxy" (hops or subnets), so the client address is right behind a load balancer. */
  TRUST_PROXY: z.string().optional(),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** Collaboration limits (see README, "Collaboration server"). */
  COLLAB_MAX_CLIENTS_PER_DOCUMENT: z.coerce.number().int().positive().default(100),
  COLLAB_CONNECTS_PER_MINUTE: z.coerce.number().int().positive().default(120),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
});

export type Env = z.infer<typeof schema>;

/** Reads and validates the environment once, at start; a bad value stops the process with a clear message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

/** The address people use (links are made on it): PUBLIC_URL, else this machine on `port`. */
export function publicUrlOf(env: Env, port: number = env.PORT): string {
  return (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
}

export function appConfigFrom(env: Env, port: number): AppConfig {
  const publicUrl = publicUrlOf(env, port);
  const origins = new Set([new URL(publicUrl).origin]);
  if (!env.PUBLIC_URL) origins.add(`http://127.0.0.1:${port}`);
  for (const o of (env.ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean)) origins.add(new URL(o).origin);
  return {
    origins: [...origins],
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionMaxHours: env.SESSION_MAX_HOURS,
    invitationDays: env.INVITATION_DAYS,
  };
}

export function collabOptionsFrom(env: Env) {
  return {
    maxClientsPerDocument: env.COLLAB_MAX_CLIENTS_PER_DOCUMENT,
    connectsPerMinute: env.COLLAB_CONNECTS_PER_MINUTE,
    maxMessageBytes: env.COLLAB_MAX_MESSAGE_BYTES,
  };
}
