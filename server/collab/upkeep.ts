import type * as Y from "yjs";
import type { Database } from "#db/client";
import { withTenant, type TenantContext } from "#db/tenant";
import { compactDocument } from "./persistence";
import type { DocumentName } from "./registry";
import { Settler } from "./settle";
import type { DocumentAccess } from "./types";

export interface UpkeepOptions {
  compactAfterUpdates: number;
  compactQuietMs: number;
  projectionDelayMs: number;
}

/**
 * A room's upkeep after its updates are stored: the projection into SQL once edits to rows settle
 * (`projectionDelayMs` after the last, at most 0.9 s after the first), and compaction once past
 * the threshold at the next pause (`compactQuietMs`, at most 10 s later), because merging a large
 * document blocks the embedded database for tens of milliseconds. Both run as the person who
 * wrote last, in the document's tenant.
 */
export class Upkeep {
  /** Who wrote last: the tenant both run as. */
  writer: TenantContext | null = null;
  private sinceCompaction = 0;
  private compacting: Promise<unknown> | null = null;
  private projecting: Promise<void> | null = null;
  /** Rows changed since the last projection. */
  private projectionDue = false;
  private readonly compaction: Settler;
  private readonly projection: Settler;

  constructor(
    private readonly deps: { database: Database; options: UpkeepOptions; log(message: string, error?: unknown): void },
    private readonly name: DocumentName,
    private readonly access: DocumentAccess,
    private readonly doc: Y.Doc,
  ) {
    this.projection = new Settler(() => void this.project(), deps.options.projectionDelayMs, 900);
    this.compaction = new Settler(() => void this.compact(), deps.options.compactQuietMs, 10_000);
  }

  /** Updates were stored by `writer`; `touchedRows` when any of them changed rows. */
  stored(count: number, writer: TenantContext, touchedRows: boolean) {
    this.writer = writer;
    this.sinceCompaction += count;
    if (this.sinceCompaction >= this.deps.options.compactAfterUpdates) this.compaction.poke();
    // Only changes to rows reach SQL; anything else in the document has nothing to project.
    if (this.name.type.project && (touchedRows || !this.name.type.changedKeys)) {
      this.projectionDue = true;
      this.projection.poke();
    }
  }

  /**
   * Rows were changed by updates stored elsewhere (another process, or a request such as an
   * import), which projected them itself. If this room projects too, it projects again: a
   * projection of its own that had started before it integrated them would otherwise leave the
   * SQL copy without them until the next edit here.
   */
  changedElsewhere() {
    if (!this.writer || !this.name.type.project) return;
    this.projectionDue = true;
    this.projection.poke();
  }

  /** Projects now if rows changed since the last projection. */
  async project(): Promise<void> {
    this.projection.cancel();
    await this.projecting;
    if (!this.projectionDue || !this.writer || !this.name.type.project) return;
    this.projectionDue = false;
    const writer = this.writer;
    this.projecting = withTenant(this.deps.database, writer, (tx) => this.name.type.project!(tx, this.doc, this.access, this.name.id))
      .catch((error) => this.deps.log(`projection of ${this.name.name} failed`, error))
      .finally(() => {
        this.projecting = null;
      });
    await this.projecting;
  }

  private async compact() {
    this.compaction.cancel();
    if (!this.writer || this.compacting) return;
    const writer = this.writer;
    this.sinceCompaction = 0;
    this.compacting = compactDocument(this.deps.database, writer, this.access, this.name.name)
      .catch((error) => this.deps.log(`compaction of ${this.name.name} failed`, error))
      .finally(() => {
        this.compacting = null;
      });
    await this.compacting;
  }

  /** Projected and compacted, for a document leaving memory. */
  async flush() {
    await this.project();
    await this.compacting;
    if (this.sinceCompaction > 0) await this.compact();
  }

  cancel() {
    this.projection.cancel();
    this.compaction.cancel();
  }
}
