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

/** Sets the sender's tenant context, drops to the app role and inserts (see the 0015 and 0017 migrations). */
const APPEND: Prepared = {
  name: "peff_collab_append_v2",
  // Every parameter is declared text and cast here, so both drivers send the text as it is
  // (postgres.js would otherwise re-serialise by type: the string "true" as a boolean is false).
  text: `select collab_append_update($1::text::uuid, $2::text::uuid, $3::text::uuid, $4::text::uuid, $5::text::uuid, $6::text,
    decode($7::text, 'base64'), $8::text::text[], $9::text::uuid)`,
};

/**
 * The process's writer of collaborative updates. Rooms hand it what they integrated and wait for
 * the commit before broadcasting. Whatever arrives, from any document, while the commits in
 * flight are busy goes into the next one (group commit across documents): an idle server commits
 * each update at once, a busy one pays one commit for many. Each update is still inserted under
 * its own sender's tenant context, as the app role, so row-level security checks every one.
 *
 * On PostgreSQL a few commits may be in flight at once, so one slow disk flush does not hold up
 * every document (each room still waits for its own commit before its next, so a document's
 * updates stay in order); PGlite runs one statement at a time, so there one is enough.
 */
export class UpdateJournal {
  private queue: Request[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxInFlight: number;
  /**
   * On PostgreSQL, the process id stored updates are announced from (with NOTIFY, while another
   * process listens: see the 0017 migration); null on PGlite, which is one process.
   */
  private readonly announceAs: string | null;

  constructor(
    private readonly database: Database,
    processId: string,
  ) {
    this.announceAs = database.kind === "postgres" ? processId : null;
    this.maxInFlight = database.kind === "postgres" ? 4 : 1;
  }

  /** Stores the entries (in order) and resolves with their ids once committed. */
  append(entries: JournalEntry[]): Promise<number[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (this.scheduled) return;
      // Everything the event loop reads in this pass (messages of many sockets arrive together)
      // joins the same commit: setImmediate runs once the pass's I/O callbacks are done.
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    });
  }

  private pump() {
    while (this.queue.length && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0);
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async commit(batch: Request[]) {
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

  private async store(entries: JournalEntry[]): Promise<number[]> {
    const params = entries.map((e) => [
      e.tenant.userId,
      e.tenant.orgId,
      e.tenant.collaborativeId,
      e.owner.collaborativeId,
      e.owner.orgId,
      e.document,
      toBase64(e.payload),
      textArray(e.rowKeys),
      this.announceAs,
    ]);
    const results = await executeMany(this.database, APPEND, params);
    return results.map((rows) => Number(rows[0]![0]));
  }
}
