// A log to triage: a large file (or paste) read in the worker as a stream
// with a progress bar and a cancel button, or any log whose analysis found
// many refused sessions of several kinds. Its sessions
// are listed, grouped and filtered (SummaryView, built in the worker); one
// session picked is then diagnosed alone, like a paste of its lines.

import type { AnalysisClient } from '../../worker/client';
import type { SessionRow, SummaryView } from '../../worker/view/types';
import { readDroppedFile, MAX_PASTE_BYTES } from '../read-file';

interface Diagnoser {
  setInput(text: string, fileName: string | null, exactBytes: boolean): void;
  analyze(opts?: { whole?: boolean }): Promise<void>;
}

export class LargeFileState {
  fileName = $state<string | null>(null);
  total = $state(0);
  bytes = $state(0);
  running = $state(false);
  cancelled = $state(false);
  error = $state<string | null>(null);
  summary = $state.raw<SummaryView | null>(null);
  /** The session being diagnosed (its index in the summary). */
  chosen = $state<number | null>(null);
  private cancelRead: (() => void) | null = null;

  constructor(
    private readonly client: AnalysisClient,
    private readonly app: Diagnoser,
  ) {}

  get percent(): number {
    return this.total ? Math.min(100, Math.round((this.bytes / this.total) * 100)) : 0;
  }

  /**
   * Large pasted text: summarised like a dropped file (the worker reads it
   * from a Blob in chunks); if it is not a log, the text itself is analysed.
   */
  startText(text: string, name: string): Promise<void> {
    return this.start(new File([text], name, { type: 'text/plain' }), text);
  }

  async start(file: File, text?: string): Promise<void> {
    this.cancelRead?.();
    this.fileName = file.name;
    this.total = file.size;
    this.bytes = 0;
    this.summary = null;
    this.error = null;
    this.cancelled = false;
    this.chosen = null;
    this.running = true;
    const job = this.client.summarise(file, file.name, (bytes, total) => {
      this.bytes = bytes;
      this.total = total;
    });
    this.cancelRead = job.cancel;
    try {
      const s = await job.done;
      if (!s) this.cancelled = true;
      else if (s.kind === 'unknown' && file.size <= MAX_PASTE_BYTES) {
        // not a log (a large message or bounce with attachments): analyse it whole, as usual
        this.fileName = null;
        if (text !== undefined) {
          this.app.setInput(text, null, false);
          await this.app.analyze({ whole: true });
          return;
        }
        const r = await readDroppedFile(file, this.client);
        if ('error' in r) this.error = r.error;
        else {
          this.app.setInput(r.text, file.name, true);
          await this.app.analyze({ whole: true });
        }
      } else this.summary = s;
    } catch (e) {
      this.error = `${file.name} could not be read: ${(e as Error).message}`;
    } finally {
      this.running = false;
      this.cancelRead = null;
    }
  }

  /** An analysis answered with a triage (a log with many refused sessions): show it. */
  show(summary: SummaryView): void {
    this.cancelRead?.();
    this.fileName = summary.name;
    this.summary = summary;
    this.error = null;
    this.cancelled = false;
    this.chosen = null;
    this.running = false;
  }

  cancel(): void {
    this.cancelRead?.();
  }

  close(): void {
    this.cancel();
    this.summary = null;
    this.fileName = null;
    this.cancelled = false;
    this.error = null;
  }

  /** Diagnose one refused session: its own lines go to the input and are analysed. */
  async diagnose(s: SessionRow): Promise<void> {
    this.chosen = s.index;
    this.app.setInput(s.session, `${this.fileName ?? 'log'}, lines ${s.firstLine}–${s.lastLine}`, false);
    await this.app.analyze({ whole: true });
  }
}
