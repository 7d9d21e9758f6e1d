// The page's state, as a Svelte 5 runes class. It holds what the user gave,
// the latest report, checklist progress and settings; analysis itself runs
// in the worker (AnalysisClient), never here.

import type { DnsLogEntry, Report } from '../../core/types';
import type { Settings } from '../../core/settings';
import { stepKey, encodePermalink, decodePermalink, type Compression, type SharedState } from '../../core/share/permalink';
import { makeRedactor, mapStrings, type RedactOptions } from '../../core/share/redact';
import type { AnalysisClient } from '../../worker/client';
import { LargeFileState, LARGE_FILE_BYTES } from '../summary/large-file.svelte';
import type { ResolverTest } from '../../net/test-resolver';
import type { FileText } from '../../worker/read-file';
import { readDroppedFile, MAX_PASTE_BYTES } from '../read-file';

export interface AppDeps {
  client: AnalysisClient;
  settings: Settings;
  /** Keep the settings; returns why they could not be kept (storage off or full), or null. */
  saveSettings: (s: Settings) => string | null | void;
  compression: Compression;
  /** The report as plain text (core/format/text.ts). */
  formatText: (r: Report) => string;
  /** navigator.onLine at start. */
  online: boolean;
}

/** The sentence a screen reader hears when a diagnosis is ready. */
function doneText(r: Report): string {
  const problems = r.checklist.filter((s) => s.status === 'fail' || s.status === 'warn').length;
  const first = r.checklist[0];
  return `Diagnosis ready: ${r.checklist.length} ${r.checklist.length === 1 ? 'step' : 'steps'}, ${problems} ${
    problems === 1 ? 'problem' : 'problems'
  }.${first && problems ? ` First: ${first.title}` : ''}`;
}

export class AppState {
  input = $state('');
  fileName = $state<string | null>(null);
  exactBytes = $state(false);
  report = $state<Report | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  /** DNS answers arriving during the current analysis. */
  liveDns = $state<DnsLogEntry[]>([]);
  done = $state<Record<string, boolean>>({});
  settings = $state<Settings>({ resolvers: [] });
  online = $state(true);
  /** Set when the page shows a permalink's state. */
  shared = $state<{ created: string; mode: SharedState['mode']; replayed: boolean } | null>(null);
  updateReady = $state(false);
  /** A line of the input to show (evidence "line N" clicked); seq makes repeats count. */
  focusLine = $state<{ line: number; seq: number } | null>(null);
  applyUpdate: (() => void) | null = null;
  /** The settings panel is open (the header's button, or "Open settings" in a note). */
  showSettings = $state(false);
  /**
   * What a screen reader is told (one polite live region in the page, App.svelte):
   * an analysis started or finished, a copy made. Visible text says the same.
   */
  announcement = $state('');
  /** Why settings are not kept across visits (storage off or full), shown in the settings panel. */
  storageProblem = $state<string | null>(null);
  /** A large log file being summarised (issue 4: src/ui/summary/). */
  readonly largeFile: LargeFileState;

  private deps: AppDeps;

  constructor(deps: AppDeps) {
    this.deps = deps;
    this.settings = deps.settings;
    this.online = deps.online;
    this.largeFile = new LargeFileState(deps.client, this);
  }

  /** Whether any step could not be checked and a retry may help. */
  get needsRetry(): boolean {
    return !!this.report && this.report.checklist.some((s) => s.retry);
  }

  setInput(text: string, fileName: string | null = null, exactBytes = false): void {
    this.input = text;
    this.fileName = fileName;
    this.exactBytes = exactBytes;
  }

  announce(text: string): void {
    // the same words twice in a row are still read out: clear, then set
    this.announcement = '';
    queueMicrotask(() => (this.announcement = text));
  }

  openSettings(): void {
    this.showSettings = true;
  }

  /**
   * Text too large to analyse whole in good time (a day of a busy server's
   * log, pasted): it goes the way of a large dropped file — read in the
   * worker, summarised, one refused session picked — instead of a whole
   * analysis that takes tens of seconds and a report of tens of thousands of
   * refusals. Text that is not a log is analysed whole after all.
   */
  takeLargeText(text: string, name = 'Pasted text'): void {
    this.setInput('');
    this.report = null;
    this.error = null;
    this.shared = null;
    void this.largeFile.startText(text, name);
  }

  async analyze(opts: { replay?: DnsLogEntry[]; whole?: boolean } = {}): Promise<void> {
    if (!this.input.trim()) {
      this.error = this.input
        ? 'The input is only blank space: paste a log, a bounce or message headers (or drop a file).'
        : 'Paste a log, a bounce or message headers first (or drop a file).';
      return;
    }
    if (!opts.whole && !opts.replay && this.input.length > LARGE_FILE_BYTES && !this.exactBytes) {
      this.takeLargeText(this.input, this.fileName ?? 'Pasted text');
      return;
    }
    if (this.input.length > MAX_PASTE_BYTES) {
      this.error = `The input is ${(this.input.length / 1048576).toFixed(1)} MB; the page takes up to ${MAX_PASTE_BYTES / 1048576} MB. Cut it to the session or message in question.`;
      return;
    }
    this.error = null;
    this.running = true;
    this.liveDns = [];
    if (!opts.replay) this.shared = null;
    this.announce('Analysing…');
    try {
      this.report = await this.deps.client.analyze({
        text: this.input,
        exactBytes: this.exactBytes,
        // offline: no question is sent; the live checks say inconclusive and offer a retry
        // plain copies: rune proxies cannot cross postMessage
        resolvers: this.online ? [...$state.snapshot(this.settings.resolvers)] : [],
        replay: opts.replay ? ($state.snapshot(opts.replay) as DnsLogEntry[]) : undefined,
        dnsbl: { dqsKey: this.settings.dqsKey, abusixKey: this.settings.abusixKey },
        onDns: (e) => this.liveDns.push(e),
      });
      this.announce(doneText(this.report));
    } catch (e) {
      if ((e as Error).name === 'AbortError') {
        this.announce('The analysis was stopped.');
      } else {
        this.error = `The analysis failed: ${(e as Error).message}`;
      }
    } finally {
      this.running = false;
    }
  }

  /** Stop the running analysis (a resolver that never answers, a mistaken paste). */
  cancel(): void {
    this.deps.client.cancelAnalysis();
  }

  /** The network came back: re-run an analysis whose live checks could not be made. */
  setOnline(online: boolean): void {
    const wasOffline = !this.online;
    this.online = online;
    if (online && wasOffline && this.needsRetry && !this.running && !this.shared) void this.analyze();
  }

  showLine(line: number): void {
    this.focusLine = { line, seq: (this.focusLine?.seq ?? 0) + 1 };
  }

  /** The report as plain text (for copying into a ticket or a mail). */
  reportText(): string {
    return this.report ? this.deps.formatText($state.snapshot(this.report) as Report) : '';
  }

  toggleDone(step: { rule: string; title: string }): void {
    const k = stepKey(step);
    this.done[k] = !this.done[k];
  }

  isDone(step: { rule: string; title: string }): boolean {
    return !!this.done[stepKey(step)];
  }

  /** A dropped or chosen file as text (decoded in the worker), or why it cannot be taken. */
  readFile(file: File): Promise<FileText> {
    return readDroppedFile(file, this.deps.client);
  }

  /** The settings panel's test of one resolver, run in the worker like every DNS question. */
  testResolver(url: string): Promise<ResolverTest> {
    return this.deps.client.testResolver(url);
  }

  updateSettings(s: Settings): void {
    this.settings = s;
    this.storageProblem = this.deps.saveSettings($state.snapshot(s) as Settings) || null;
  }

  clear(): void {
    this.setInput('');
    this.report = null;
    this.error = null;
    this.done = {};
    this.shared = null;
    this.liveDns = [];
  }

  /** The permalink for the current state, redacted as asked. */
  async permalink(base: string, o: { mode: SharedState['mode'] } & RedactOptions): Promise<string> {
    if (!this.report) throw new Error('nothing to share yet');
    const redact = makeRedactor(o);
    const report = $state.snapshot(this.report) as Report;
    const state: SharedState = {
      v: 1,
      mode: o.mode,
      ...(o.mode === 'input' ? { input: redact(this.input), exactBytes: this.exactBytes } : { report: mapStrings(report, redact) }),
      done: Object.keys(this.done)
        .filter((k) => this.done[k])
        .map(redact),
      dns: mapStrings(report.dns, redact),
      created: new Date().toISOString(),
    };
    return `${base.replace(/#.*$/, '')}#${await encodePermalink(state, this.deps.compression)}`;
  }

  /** Open a permalink's fragment. A bad link leaves an empty app and says why. */
  async openFragment(fragment: string): Promise<void> {
    if (!fragment || fragment === '#') return;
    const r = await decodePermalink(fragment, this.deps.compression);
    if (!r.ok) {
      this.clear();
      this.error = r.error;
      return;
    }
    const s = r.state;
    this.done = Object.fromEntries(s.done.map((k) => [k, true]));
    if (s.mode === 'findings') {
      this.setInput('');
      this.report = s.report!;
      this.shared = { created: s.created, mode: 'findings', replayed: true };
      return;
    }
    this.setInput(s.input!, null, s.exactBytes ?? false);
    this.shared = { created: s.created, mode: 'input', replayed: true };
    // show what the sender saw: the recorded DNS answers, not fresh ones
    await this.analyze({ replay: s.dns });
    if (this.report) this.shared = { created: s.created, mode: 'input', replayed: true };
  }
}
