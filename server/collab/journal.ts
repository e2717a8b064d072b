import { toBase64 } from "#db/bytes";
import type { Database } from "#db/client";
import { executeMany, textArray, type Prepared } from "#db/pipeline";
import type { TenantContext } from "#db/tenant";

/** One update to store, attributed to the person who sent it. */
export interface JournalEntry {
  tenant: TenantContext;
  /** The document's owner: its collaborative, and its organisation when private (a plan). */
  owner: { collaborativeId: string; orgId: string | null };
  document: string;
  payload: Uint8Array;
  rowKeys: string[];
}

interface Request {
  entries: JournalEntry[];
  resolve(ids: number[]): void;
  reject(error: unknown): void;
}

/** Sets the sender's tenant context, drops to the app role and inserts (see the 0014 migration). */
const APPEND: Prepared = {
  name: "peff_collab_append_v1",
  text: "select collab_append_update($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::text, decode($7::text, 'base64'), $8::text[], $9::boolean)",
};

/**
 * The process's one writer of collaborative updates. Rooms hand it what they integrated and wait
 * for the commit before broadcasting. Whatever arrives, from any document, while a commit is in
 * flight is stored together in the next one (group commit across documents): an idle server
 * commits each update at once, a busy one pays one commit for many. Each update is still inserted
 * under its own sender's tenant context, as the app role, so row-level security checks every one.
 */
export class UpdateJournal {
  private queue: Request[] = [];
  private running = false;
  /**
   * Whether stored ids are announced with NOTIFY (PostgreSQL, where other processes may hold the
   * document). PGlite is one process: nothing to tell.
   */
  readonly announces: boolean;

  constructor(private readonly database: Database) {
    this.announces = database.kind === "postgres";
  }

  /** Stores the entries (in order) and resolves with their ids once committed. */
  append(entries: JournalEntry[]): Promise<number[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run() {
    this.running = true;
    try {
      // Rooms draining in this same turn of the event loop join the first commit.
      await Promise.resolve();
      while (this.queue.length) {
        const batch = this.queue.splice(0);
        try {
          const ids = await this.store(batch.flatMap((r) => r.entries));
          let at = 0;
          for (const r of batch) {
            r.resolve(ids.slice(at, at + r.entries.length));
            at += r.entries.length;
          }
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          // One document's failure (a write refused by RLS, say) must not fail the others'.
          else for (const r of batch) await this.store(r.entries).then(r.resolve, r.reject);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async store(entries: JournalEntry[]): Promise<number[]> {
    const notify = this.announces;
    const params = entries.map((e) => [
      e.tenant.userId,
      e.tenant.orgId,
      e.tenant.collaborativeId,
      e.owner.collaborativeId,
      e.owner.orgId,
      e.document,
      toBase64(e.payload),
      textArray(e.rowKeys),
      String(notify),
    ]);
    const results = await executeMany(this.database, APPEND, params);
    return results.map((rows) => Number(rows[0]![0]));
  }
}
