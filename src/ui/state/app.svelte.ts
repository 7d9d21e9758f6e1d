// The page's state, as a Svelte 5 runes class. It holds what the user gave,
// the latest report, checklist progress and settings; analysis itself runs
// in the worker (AnalysisClient), never here.

import type { DnsLogEntry, Report } from '../../core/types';
import type { Settings } from '../../core/settings';
import type { SharedState } from '../../core/share/permalink';
import type { RedactOptions } from '../../core/share/redact';
import type { AnalysisClient } from '../../worker/client';
import type { ReportView } from '../../worker/view/types';
import { LargeFileState } from '../summary/large-file.svelte';
import type { ResolverTest } from '../../net/test-resolver';
import type { FileText } from '../../worker/read-file';
import { readDroppedFile, MAX_PASTE_BYTES } from '../read-file';
import { LARGE_FILE_BYTES } from '../limits';
import { VIEW_VERSION, type KeptDiagnosis, type Keeper } from './kept';
import { Keeping } from './keeping.svelte';

/** The settings' own checks (core/settings.ts), given by the page's entry so that ui/ imports core types only. */
export interface SettingsRules {
  defaultResolvers: readonly string[];
  /** Why a DoH endpoint URL is not acceptable, or null. */
  resolverUrlProblem: (url: string) => string | null;
  /** Why a blocklist key is not acceptable, or null. */
  blocklistKeyProblem: (key: string) => string | null;
}

export interface AppDeps {
  client: AnalysisClient;
  settings: Settings;
  /** Keep the settings; returns why they could not be kept (storage off or full), or null. */
  saveSettings: (s: Settings) => string | null | void;
  settingsRules: SettingsRules;
  /** navigator.onLine at start. */
  online: boolean;
  /** Where diagnoses are kept in this browser; null when the browser keeps nothing (then nothing survives a reload). */
  keeper?: Keeper | null;
}

/** The sentence a screen reader hears when a diagnosis is ready. */
function doneText(v: ReportView): string {
  const problems = v.steps.filter((s) => s.status === 'fail' || s.status === 'warn').length;
  const first = v.steps[0];
  return `Diagnosis ready: ${v.steps.length} ${v.steps.length === 1 ? 'step' : 'steps'}, ${problems} ${
    problems === 1 ? 'problem' : 'problems'
  }.${first && problems ? ` First: ${first.title}` : ''}`;
}

export class AppState {
  input = $state('');
  fileName = $state<string | null>(null);
  exactBytes = $state(false);
  /** The latest report (for Download JSON and permalinks), never drawn directly… */
  report = $state.raw<Report | null>(null);
  /** …this is: the report made ready to draw in the worker. */
  view = $state.raw<ReportView | null>(null);
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
  /** A large log file being summarised (src/ui/summary/). */
  readonly largeFile: LargeFileState;
  /** The input box is open for editing; after a diagnosis it folds to one line with Edit. */
  editing = $state(true);
  /** Bumped when a new analysis has its first result to show: the verdict card scrolls into view. */
  revealSeq = $state(0);
  /** Bumped when that analysis is final: the card is put back in view if the user has not scrolled meanwhile. */
  settledSeq = $state(0);
  /** What is kept in this browser: the history, the diagnosis on screen. */
  readonly kept: Keeping;
  /** The browser offers to install the app (beforeinstallprompt): the header shows Install. */
  installPrompt = $state.raw<(() => Promise<void>) | null>(null);
  /** The page is being printed: every step open, no filter (the checklist as a work sheet). */
  printing = $state(false);

  private deps: AppDeps;

  readonly settingsRules: SettingsRules;

  constructor(deps: AppDeps) {
    this.deps = deps;
    this.settingsRules = deps.settingsRules;
    this.settings = deps.settings;
    this.online = deps.online;
    this.largeFile = new LargeFileState(deps.client, this);
    this.kept = new Keeping(deps.keeper ?? null);
  }

  /**
   * Why Share, Copy and Download are off, in words the page shows beside them
   * (a disabled button cannot be focused, so a tooltip alone would not be
   * read); null when they are on.
   */
  get actionsOff(): string | null {
    if (!this.report || !this.view) return 'Nothing to share yet: analyse an input first.';
    if (!this.view.recognised) return 'Share, copy and download are off: the input was not recognised.';
    if (this.view.pending) return 'Share, copy and download wait for the live checks.';
    return null;
  }

  /** Whether any step could not be checked and a retry may help. */
  get needsRetry(): boolean {
    return !!this.view && this.view.steps.some((s) => s.retry);
  }

  setInput(text: string, fileName: string | null = null, exactBytes = false): void {
    this.input = text;
    this.fileName = fileName;
    this.exactBytes = exactBytes;
  }

  /**
   * The user typed or pasted into the input: an input to analyse is coming,
   * so the resolver's connection opens now (with a question that carries
   * nothing of the input), and Analyse's first questions do not wait for its
   * TLS handshake. The worker asks nothing if it spoke to the resolver
   * lately, and a keystroke asks it once in a while only. (A dropped file, an
   * example, a kept diagnosis or a link does not: the first two analyse at
   * once, and the worker opens the connection while it reads the input.)
   */
  typeInput(text: string): void {
    this.setInput(text);
    const now = Date.now();
    if (text.trim() && this.online && !this.running && now - this.warmedAt > 5000) {
      this.warmedAt = now;
      this.deps.client.warmDns?.([...$state.snapshot(this.settings.resolvers)]);
    }
  }
  private warmedAt = 0;

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
    this.setResult(null);
    this.error = null;
    this.shared = null;
    void this.largeFile.startText(text, name);
  }

  async analyze(opts: { replay?: DnsLogEntry[]; whole?: boolean } = {}): Promise<void> {
    this.kept.currentId = null;
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
    // a new input: the triage of the previous one goes (a session picked from it keeps it)
    if (!opts.whole) this.largeFile.close();
    this.announce('Analysing…');
    let revealed = false;
    const reveal = () => {
      if (revealed) return;
      revealed = true;
      this.revealSeq++;
    };
    try {
      const done = await this.deps.client.analyze({
        text: this.input,
        exactBytes: this.exactBytes,
        // offline: no question is sent; the live checks say inconclusive and offer a retry
        // plain copies: rune proxies cannot cross postMessage
        resolvers: this.online ? [...$state.snapshot(this.settings.resolvers)] : [],
        replay: opts.replay ? ($state.snapshot(opts.replay) as DnsLogEntry[]) : undefined,
        dnsbl: { dqsKey: this.settings.dqsKey, abusixKey: this.settings.abusixKey },
        onDns: (e) => this.liveDns.push(e),
        // what needs no DNS is shown at once; live steps say "checking…" until their answers are in
        onPartial: (partial) => {
          this.setResult(partial);
          if (partial.view.recognised) this.editing = false;
          reveal();
        },
        // a log of many refused sessions, pasted or dropped whole, is triaged (a session picked is diagnosed whole)
        triage: opts.whole || opts.replay ? undefined : { name: this.fileName ?? 'Pasted text' },
      });
      if ('triage' in done) {
        this.setResult(null);
        this.largeFile.show(done.triage);
        this.announce(`This ${done.triage.kindWords} holds ${done.triage.sessions.length} refused sessions: pick one to diagnose.`);
        return;
      }
      this.setResult(done);
      // an input that was not recognised stays open to be mended
      this.editing = !done.view.recognised;
      reveal();
      this.settledSeq++;
      this.announce(doneText(done.view));
      void this.keep();
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

  private setResult(r: { report: Report; view: ReportView } | null): void {
    this.report = r?.report ?? null;
    this.view = r?.view ?? null;
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
    this.editing = true;
    this.focusLine = { line, seq: (this.focusLine?.seq ?? 0) + 1 };
  }

  /** The report as plain text (for copying into a ticket or a mail). */
  reportText(): string {
    return this.view?.text ?? '';
  }

  toggleDone(step: { key: string }): void {
    this.done[step.key] = !this.done[step.key];
    this.kept.saveDone($state.snapshot(this.done));
  }

  isDone(step: { key: string }): boolean {
    return !!this.done[step.key];
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
    this.setResult(null);
    this.error = null;
    this.done = {};
    this.shared = null;
    this.liveDns = [];
    this.editing = true;
    this.largeFile.close();
    this.kept.leave();
  }

  edit(): void {
    this.editing = true;
  }

  // ---- kept in this browser ----

  /** Keep the diagnosis on screen as the current one, and in the history. */
  private async keep(): Promise<void> {
    if (!this.report || !this.view || !this.view.recognised || this.view.pending) return;
    await this.kept.save({
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      savedAt: new Date().toISOString(),
      input: this.input,
      fileName: this.fileName,
      exactBytes: this.exactBytes,
      report: this.report,
      view: this.view,
      viewVersion: VIEW_VERSION,
      done: $state.snapshot(this.done),
    });
  }

  /** Show a kept diagnosis as it was (its view rebuilt if this version draws differently). */
  private async show(d: KeptDiagnosis): Promise<void> {
    const view = d.viewVersion === VIEW_VERSION ? d.view : await this.deps.client.view(d.report);
    this.setInput(d.input, d.fileName, d.exactBytes);
    this.setResult({ report: d.report, view });
    this.done = { ...d.done };
    this.shared = null;
    this.error = null;
    this.editing = !view.recognised;
    this.kept.currentId = d.id;
  }

  /** At start: the diagnosis shown when the page was left, and the history. */
  async restore(): Promise<void> {
    const d = await this.kept.restore();
    // a permalink or an analysis may have started meanwhile: they win
    if (d && !this.report && !this.running && !this.input) await this.show(d);
  }

  async openKept(id: string): Promise<void> {
    const d = await this.kept.open(id);
    if (!d) {
      this.error = 'That diagnosis is no longer kept in this browser.';
      return;
    }
    this.cancel();
    await this.show(d);
    this.kept.showHistory = false;
    this.revealSeq++;
  }

  /** Forget every diagnosis kept in this browser, and clear the page. */
  async forgetAll(): Promise<void> {
    this.clear();
    if (await this.kept.forgetAll()) this.announce('Everything Mailmedic kept in this browser was forgotten.');
  }

  async install(): Promise<void> {
    const prompt = this.installPrompt;
    if (!prompt) return;
    await prompt();
    this.installPrompt = null;
  }

  /** The permalink for the current state, redacted as asked (made in the worker). */
  async permalink(base: string, o: { mode: SharedState['mode'] } & RedactOptions): Promise<string> {
    if (!this.report) throw new Error('nothing to share yet');
    const fragment = await this.deps.client.share({
      mode: o.mode,
      localParts: o.localParts,
      ips: [...o.ips],
      domains: [...o.domains],
      report: this.report,
      input: this.input,
      exactBytes: this.exactBytes,
      done: Object.keys(this.done).filter((k) => this.done[k]),
    });
    return `${base.replace(/#.*$/, '')}#${fragment}`;
  }

  /** Open a permalink's fragment. A bad link leaves an empty app and says why. */
  async openFragment(fragment: string): Promise<void> {
    if (!fragment || fragment === '#') return;
    let r;
    try {
      r = await this.deps.client.openLink(fragment);
    } catch (e) {
      r = { ok: false as const, error: `This link cannot be opened: ${(e as Error).message}` };
    }
    if (!r.ok) {
      this.clear();
      this.error = r.error;
      return;
    }
    this.done = Object.fromEntries(r.done.map((k) => [k, true]));
    if (r.mode === 'findings') {
      this.setInput('');
      this.setResult({ report: r.report!, view: r.view! });
      this.shared = { created: r.created, mode: 'findings', replayed: true };
      return;
    }
    this.setInput(r.input!, null, r.exactBytes ?? false);
    this.shared = { created: r.created, mode: 'input', replayed: true };
    // show what the sender saw: the recorded DNS answers, not fresh ones
    await this.analyze({ replay: r.dns });
    if (this.report) this.shared = { created: r.created, mode: 'input', replayed: true };
  }
}
