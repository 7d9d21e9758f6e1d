// Verdict headers said in words, with unknown values shown rather than dropped.
import { describe, expect, it } from 'vitest';
import { readVerdicts } from '../../../src/core/mail/verdicts';
import { readHeaderBlock } from '../../../src/core/mail/header-block';

const read = (text: string) => readVerdicts(readHeaderBlock(text.split('\n')).fields);

describe('readVerdicts', () => {
  it('X-Forefront-Antispam-Report: every field, known and unknown', () => {
    const [v] = read(
      'X-Forefront-Antispam-Report: CIP:2001:db8::7;CTRY:NL;LANG:nl;SCL:5;SRV:;IPV:NLI;SFV:SPM;H:mail.sender.example;PTR:mail.sender.example;CAT:SPM;SFS:(13230040)(4022899009);DIR:INB;ZZZ:42;',
    );
    expect(v.filter).toMatch(/Microsoft/);
    expect(v.level).toBe('spam');
    const byKey = Object.fromEntries(v.items.map((i) => [i.key, i]));
    expect(byKey.CIP.value).toBe('2001:db8::7');
    expect(byKey.SCL).toMatchObject({ value: '5', level: 'spam' });
    expect(byKey.SCL.meaning).toMatch(/Junk/);
    expect(byKey.SFV.meaning).toMatch(/marked the message as spam/);
    expect(byKey.IPV.level).toBe('clean');
    expect(byKey.DIR.meaning).toBe('Inbound.');
    expect(byKey.ZZZ).toMatchObject({ value: '42', name: null, meaning: null });
  });
  it('an undocumented value of a known field is shown as such', () => {
    const [v] = read('X-Forefront-Antispam-Report: SFV:XYZ;CAT:NONE');
    expect(v.items[0]).toMatchObject({ key: 'SFV', value: 'XYZ', level: null });
    expect(v.items[0].meaning).toMatch(/not documented/);
  });
  it('X-Microsoft-Antispam BCL and the organisation SCL', () => {
    const vs = read('X-Microsoft-Antispam: BCL:8;ARA:1444111002\nX-MS-Exchange-Organization-SCL: -1');
    expect(vs[0].items[0]).toMatchObject({ key: 'BCL', level: 'bulk' });
    expect(vs[0].items[1]).toMatchObject({ key: 'ARA', meaning: null });
    expect(vs[1].items[0]).toMatchObject({ level: 'skipped' });
  });
  it('X-Spam-Status: verdict, score, every test with its meaning', () => {
    const [v] = read(
      'X-Spam-Status: Yes, score=7.9 required=5.0 tests=BAYES_99,RDNS_NONE,\n\tSPF_SOFTFAIL,MY_LOCAL_RULE autolearn=no autolearn_force=no version=4.0.0',
    );
    expect(v.level).toBe('spam');
    const tests = v.items.find((i) => i.key === 'tests')!;
    expect(tests.list!.map((t) => t.name)).toEqual(['BAYES_99', 'RDNS_NONE', 'SPF_SOFTFAIL', 'MY_LOCAL_RULE']);
    expect(tests.list![1]).toMatchObject({ rule: 'ptr.missing' });
    expect(tests.list![3].meaning).toBeNull();
    expect(v.items.find((i) => i.key === 'score')!.value).toBe('7.9');
    expect(v.items.find((i) => i.key === 'autolearn_force')).toMatchObject({ meaning: null });
  });
  it('X-Spam-Report: points and descriptions from the folded lines', () => {
    const [v] = read(
      [
        'X-Spam-Report: ',
        '\t*  3.5 BAYES_99 BODY: Bayes spam probability is 99 to 100%',
        '\t*      [score: 1.0000]',
        '\t*  1.3 RDNS_NONE Delivered to internal network by a host with no rDNS',
        '\t* -0.0 SPF_PASS SPF: sender matches SPF record',
      ].join('\n'),
    );
    const list = v.items.find((i) => i.key === 'tests')!.list!;
    expect(list.map((t) => [t.name, t.points])).toEqual([
      ['BAYES_99', 3.5],
      ['RDNS_NONE', 1.3],
      ['SPF_PASS', -0],
    ]);
    expect(list[0].meaning).toMatch(/99 to 100% \[score: 1.0000\]/);
  });
  it('Rspamd result and action', () => {
    const vs = read(
      'X-Spamd-Result: default: False [3.20 / 15.00]; R_SPF_ALLOW(-0.20)[+ip4:198.51.100.7]; MIME_GOOD(-0.10)[text/plain]\nX-Rspamd-Action: add header',
    );
    expect(vs[0].items[0]).toMatchObject({ key: 'verdict', level: 'clean' });
    expect(vs[0].items[2].list!.map((s) => s.name)).toEqual(['R_SPF_ALLOW', 'MIME_GOOD']);
    expect(vs[1].level).toBe('spam');
  });
  it('Barracuda status (SpamAssassin layout)', () => {
    const [v] = read(
      'X-Barracuda-Spam-Status: Yes, SCORE=10.11 using per-user scores of TAG_LEVEL=3.5 QUARANTINE_LEVEL=9.0 KILL_LEVEL=1000.0 tests=RDNS_DYNAMIC, HTML_MESSAGE',
    );
    expect(v.level).toBe('spam');
    expect(v.items.find((i) => i.key === 'tests')!.list!.map((t) => t.name)).toEqual(['RDNS_DYNAMIC', 'HTML_MESSAGE']);
    expect(v.items.find((i) => i.key === 'tag_level')!.value).toBe('3.5');
  });
  it('ignores headers it has no knowledge of', () => {
    expect(read('X-Whatever: 1\nSubject: hello')).toEqual([]);
  });
});
