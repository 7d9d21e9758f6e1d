// Formats without a router of their own (an SMTP transcript, Exchange's
// PowerShell output): the log is read in runs of consecutive lines, each
// parsed by the format's parser. A session that straddles two runs is read as
// two; the runs are long, so this is rare, and no such log is large in practice.

import type { InputParser } from '../../parse/parser';
import type { Group } from '../group';
import type { Sink, StreamFormat } from '../format';

/** Lines per run. */
export const RUN_LINES = 2000;

export function blockStream(sink: Sink, parser: InputParser): StreamFormat {
  let g: Group | null = null;
  let count = 0;
  return {
    kind: parser.kind,
    endsExplicitly: false,
    line(text, n) {
      if (!g || g.closed || count >= RUN_LINES) {
        if (g && !g.closed) sink.close(g);
        g = sink.open(null, n);
        g.slow = true;
        count = 0;
      }
      sink.add(g, text, n);
      count++;
    },
    forget(x) {
      if (x === g) g = null;
    },
    fast: () => ({ refusals: [], sessions: 0, clientIps: [] }),
  };
}
