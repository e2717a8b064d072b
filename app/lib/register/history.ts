export interface StoredChange {
  userId: string | null;
  userName: string | null;
  at: Date;
  rowKeys: string[];
}

export interface HistoryEntry {
  /** Null for someone whose account no longer exists. */
  userId: string | null;
  userName: string;
  from: Date;
  to: Date;
  rowKeys: string[];
  changes: number;
}

/**
 * Folds stored updates (one per few keystrokes) into readable entries: consecutive changes by the
 * same person to the same rows within five minutes are one entry. Input newest first. People are
 * told apart by their account, not their name: two members called "Sam Jones" are two people.
 */
export function foldHistory(changes: StoredChange[], windowMs = 5 * 60_000): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const c of changes) {
    if (c.rowKeys.length === 0) continue;
    const last = out.at(-1);
    const name = c.userName ?? "A former member";
    const sameRows = last && last.rowKeys.length === c.rowKeys.length && c.rowKeys.every((k) => last.rowKeys.includes(k));
    if (last && last.userId === c.userId && sameRows && last.from.getTime() - c.at.getTime() <= windowMs) {
      last.from = c.at;
      last.changes++;
    } else {
      out.push({ userId: c.userId, userName: name, from: c.at, to: c.at, rowKeys: [...c.rowKeys], changes: 1 });
    }
  }
  return out;
}
