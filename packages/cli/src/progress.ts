import type { CliStream } from './io';
import { showControls } from './terminal';

/** How often a terminal line is redrawn, and how often a plain line is printed elsewhere. */
const REDRAW_MS = 100;
export const PLAIN_INTERVAL_MS = 2_000;
const BAR_WIDTH = 20;

export interface ProgressOptions {
  stream: CliStream;
  /** Nothing is printed at all. */
  quiet: boolean;
  now: () => number;
  intervalMs?: number;
}

/** "1.2s", "45s", "3m05s", "2h01m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)}s`;
  if (s < 60) return `${Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s - m * 60)).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  return `${h}h${String(m - h * 60).padStart(2, '0')}m`;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Export progress on stderr. On a terminal: one line redrawn in place (records, of total where
 * the platform reported one, rate, ETA). Elsewhere: a plain line every couple of seconds and one
 * when a platform finishes. `--quiet`: nothing.
 */
export class Progress {
  private readonly tty: boolean;
  private platform = '';
  private resource = '';
  private done = 0;
  /** Records done before this run (a resumed export), left out of the rate. */
  private base = 0;
  private total: number | undefined;
  private startedAt = 0;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private shown = false;
  /** The line was on screen until `clear()`. */
  private hidden = false;

  constructor(private readonly options: ProgressOptions) {
    this.tty = options.stream.isTTY === true;
  }

  /** A platform starts; `already` records were exported by an earlier (resumed) run. */
  start(platform: string, resource: string, already = 0): void {
    this.platform = platform;
    this.resource = resource;
    this.done = already;
    this.base = already;
    this.total = undefined;
    this.startedAt = this.options.now();
    this.lastDraw = this.options.now();
  }

  /** After each page: records done so far (including earlier runs) and the total, if known. */
  update(done: number, total?: number): void {
    this.done = done;
    if (total !== undefined) this.total = total;
    if (this.options.quiet) return;
    const now = this.options.now();
    if (this.tty) {
      if (now - this.lastDraw < REDRAW_MS) return;
      this.draw();
    } else {
      if (now - this.lastDraw < (this.options.intervalMs ?? PLAIN_INTERVAL_MS)) return;
      this.options.stream.write(`${this.line()}\n`);
    }
    this.lastDraw = now;
  }

  /** The platform is done (or stopped): a last line elsewhere; the terminal line is cleared. */
  finish(): void {
    if (this.options.quiet) return;
    if (this.tty) this.clear();
    else this.options.stream.write(`${this.line()}\n`);
    this.hidden = false;
  }

  /** Erases the terminal line so other output can be written; `redraw()` puts it back. */
  clear(): void {
    if (this.tty && this.shown) {
      this.options.stream.write('\r\u001b[2K');
      this.shown = false;
      this.hidden = true;
    }
  }

  /** Puts back a line that `clear()` took away (a line never drawn stays away). */
  redraw(): void {
    if (this.hidden) this.draw();
  }

  private draw(): void {
    const width = Math.max(20, (this.options.stream.columns || 80) - 1);
    let text = this.line(true);
    if (text.length > width) text = text.slice(0, width);
    this.options.stream.write(`\r\u001b[2K${text}`);
    this.shown = true;
    this.hidden = false;
  }

  /** e.g. "commercehq orders: 1,200 of 5,000 (24%) · 310/s · ETA 12s"; with a bar on a terminal. */
  line(bar = false): string {
    const elapsed = Math.max(1, this.options.now() - this.startedAt);
    const rate = ((this.done - this.base) * 1000) / elapsed;
    let head = `${this.platform} ${this.resource}:`;
    let amount = count(this.done);
    if (this.total !== undefined && this.total > 0) {
      const fraction = Math.min(1, this.done / this.total);
      amount += ` of ${count(this.total)} (${Math.floor(fraction * 100)}%)`;
      if (bar) {
        const filled = Math.round(fraction * BAR_WIDTH);
        head = `${this.platform} ${this.resource} ${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      }
    }
    // The names are the CLI's own today; escaped all the same, as every line it prints is.
    head = showControls(head);
    const parts = [`${head} ${amount}`, `${count(Math.round(rate))}/s`];
    if (this.total !== undefined && rate > 0 && this.done < this.total) {
      parts.push(`ETA ${formatDuration(((this.total - this.done) / rate) * 1000)}`);
    }
    return parts.join(' · ');
  }
}
