// Lists the SEEN real incidents whose verdict "who acts" is not the party the thread established
// (held-out incidents are skipped before they are analysed: issue 11's rule).
import { analyzeIncident, listIncidents, partyRight, firstProblem } from './real';
import { buildView } from '../../src/worker/view/build';
import { primaryRejection } from '../../src/worker/view/verdict';

const all = process.argv.includes('--all');
const show = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const inc of listIncidents()) {
  if (inc.held || !inc.exp.party) continue;
  if (show.length && !show.includes(inc.slug)) continue;
  const report = await analyzeIncident(inc);
  const ok = partyRight(report, inc.exp.party);
  if (ok && !all) continue;
  const who = buildView(report).verdict.who ?? '';
  const p = primaryRejection(report);
  const f = firstProblem(report);
  console.log(
    (show.length ? JSON.stringify({ rej: report.rejections.map((r) => ({ ...r, line: undefined })), steps: report.checklist.filter((s) => s.status === 'fail' || s.status === 'warn').map((s) => [s.rule, s.status, s.title, s.evidence]), auth: report.auth }, null, 1) + '\n' : '') +
    `${ok ? 'OK ' : 'MISS'} ${inc.slug}\n   want ${inc.exp.party}; who "${who.slice(0, 90)}"\n   kind ${report.inputs.map((i) => i.kind)} first ${f?.rule}:${f?.status} party ${p?.party} inbound ${p?.inbound} fwd ${p?.forwarded?.by ?? '-'} client ${!!p?.client} remote ${p?.remote} ${p?.code ?? '-'} ${p?.stage}\n   "${(p?.text ?? '').slice(0, 150).replace(/\n/g, ' ')}"`,
  );
}
