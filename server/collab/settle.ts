/**
 * Runs a task once activity settles: `quietMs` after the last poke, and never more than `maxMs`
 * after the first one, so a document edited without pause is still served within `maxMs`.
 */
export class Settler {
  private since = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly task: () => void,
    private readonly quietMs: number,
    private readonly maxMs: number,
  ) {}

  /** Something happened: (re)start the quiet period. */
  poke() {
    const now = Date.now();
    if (!this.since) this.since = now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.quietMs, this.since + this.maxMs - now));
    this.timer = setTimeout(() => this.fire(), wait);
  }

  private fire() {
    this.cancel();
    this.task();
  }

  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.since = 0;
  }
}
