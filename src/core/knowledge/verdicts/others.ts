// Verdict headers of other filters, where their makers document them.

import type { VerdictHeaderKnowledge } from './types';

const RSPAMD_DOC = 'https://rspamd.com/doc/modules/milter_headers.html (X-Spamd-Result, X-Rspamd-Action, X-Spam)';
const BARRACUDA_DOC =
  "https://wiki.umiacs.umd.edu/umiacs/index.php/BarracudaSpamFirewall/Scoring (a Barracuda site's description of its headers and default levels)";

export const RSPAMD_RESULT: VerdictHeaderKnowledge = {
  id: 'rspamd.result',
  header: 'x-spamd-result',
  filter: 'Rspamd',
  format: 'rspamd-result',
  meaning: 'Rspamd\'s verdict ("default: False [score / threshold]") and every symbol that matched with its score.',
  sources: [RSPAMD_DOC],
  fields: [
    {
      key: 'verdict',
      name: 'Spam',
      meaning: 'True when the score reached the reject threshold.',
      values: [
        { match: 'True', level: 'spam', meaning: 'Rspamd considered the message spam.' },
        { match: 'False', level: 'clean', meaning: 'Below the reject threshold.' },
      ],
    },
    { key: 'score', name: 'Score', meaning: 'The sum of the symbol scores, against the reject threshold.' },
    { key: 'symbols', name: 'Symbols', meaning: 'The rules that matched, with their scores and options.', list: true },
  ],
};

export const RSPAMD_ACTION: VerdictHeaderKnowledge = {
  id: 'rspamd.action',
  header: 'x-rspamd-action',
  filter: 'Rspamd',
  format: 'single',
  meaning: 'The action Rspamd chose.',
  sources: [RSPAMD_DOC, 'https://rspamd.com/doc/faq.html (actions)'],
  fields: [
    {
      key: 'value',
      name: 'Action',
      meaning: 'What the receiver was told to do with the message.',
      values: [
        { match: 'no action', level: 'clean', meaning: 'Deliver normally.' },
        { match: 'greylist', level: 'info', meaning: 'Temporarily refuse, to be retried later.' },
        { match: 'add header', level: 'spam', meaning: 'Deliver with a spam header (usually filed as junk).' },
        { match: 'rewrite subject', level: 'spam', meaning: 'Deliver with the subject marked as spam.' },
        { match: 'soft reject', level: 'info', meaning: 'Temporarily refuse (rate limits, greylisting).' },
        { match: 'reject', level: 'spam', meaning: 'Refuse the message.' },
      ],
    },
  ],
};

export const BARRACUDA_STATUS: VerdictHeaderKnowledge = {
  id: 'barracuda.spam-status',
  header: 'x-barracuda-spam-status',
  filter: 'Barracuda Email Security',
  format: 'spamassassin-status',
  meaning: "Barracuda's verdict (its engine writes SpamAssassin's layout): spam or not, score, thresholds, tests.",
  sources: [BARRACUDA_DOC],
  fields: [
    {
      key: 'verdict',
      name: 'Verdict',
      meaning: 'Yes when the score reached the tag level (TAG_LEVEL=; QUARANTINE_LEVEL= and KILL_LEVEL= follow).',
      values: [
        { match: 'Yes', level: 'spam', meaning: 'Barracuda classified the message as spam.' },
        { match: 'No', level: 'clean', meaning: 'Below the tag level.' },
      ],
    },
    { key: 'score', name: 'Score', meaning: 'Barracuda spam score (0 = clean; tag, quarantine and block levels are set by the admin).' },
    { key: 'tests', name: 'Tests', meaning: 'The rules that matched.', list: true },
  ],
};

export const BARRACUDA_SCORE: VerdictHeaderKnowledge = {
  id: 'barracuda.spam-score',
  header: 'x-barracuda-spam-score',
  filter: 'Barracuda Email Security',
  format: 'single',
  meaning: 'The Barracuda spam score (0 = clean; the admin sets the tag, quarantine and block levels).',
  sources: [BARRACUDA_DOC],
  fields: [{ key: 'value', name: 'Score', meaning: 'Barracuda spam score.' }],
};

export const OTHER_VERDICTS = [RSPAMD_RESULT, RSPAMD_ACTION, BARRACUDA_STATUS, BARRACUDA_SCORE];
