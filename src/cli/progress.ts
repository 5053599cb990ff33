import { TextSink } from "./io";
import { displayWidth, truncateDisplay } from "./width";
import { escapeControls } from "./terminal-text";

/**
 * A one-line progress bar on stderr for batches, redrawn with \r. Only on a terminal: in a log file or CI output
 * it would be a wall of carriage returns. stdout is untouched, so `zs-check dir/ --format json > r.json` still
 * shows progress while the report goes to the file.
 */
export class Progress {
  private readonly width: number;
  private drawn = false;

  constructor(
    private readonly sink: TextSink,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly label: string,
  ) {
    // One column short of the terminal: writing into the last column makes some terminals wrap.
    this.width = Math.max(20, (sink.columns ?? 80) - 1);
  }

  /** Shows that file number `done + 1` of `total` is being checked. */
  update(done: number, current: string): void {
    if (!this.enabled) return;
    const barWidth = 20;
    const filled = Math.round((done / Math.max(1, this.total)) * barWidth);
    const bar = `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}]`;
    const head = `${this.label} ${bar} ${done}/${this.total} `;
    const name = truncateDisplay(escapeControls(current), Math.max(0, this.width - displayWidth(head)));
    // \x1b[K clears what a longer previous line left behind.
    this.sink.write(`\r${head}${name}\x1b[K`);
    this.drawn = true;
  }

  /** Removes the bar, so that what follows on stderr starts on a clean line. */
  done(): void {
    if (this.drawn) this.sink.write("\r\x1b[K");
    this.drawn = false;
  }
}
