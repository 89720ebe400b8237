import { buildReport, historyExitCode } from '../../../src/history/report.js';
import { renderHistory } from '../../../src/history/render/index.js';
import type { Discovery, HistoryPull } from '../../../src/history/types.js';
import { LOCAL_UNKNOWNS } from '../../../src/history/discover-local.js';
import { evaluatePr, goodForemanPr } from '../../helpers/evaluate-pr.js';

const HOSTILE = 'Fix <script>alert(1)</script> | pipes & "quotes"';

const pull = (number: number, title: string, mergedAt: string): HistoryPull => ({
  number,
  title,
  mergedAt,
  base: 'b'.repeat(40),
  head: 'h'.repeat(40),
  headRef: null,
  labels: null,
  author: null,
  origin: 'squash',
});

async function report() {
  const discovery: Discovery = {
    mode: 'local',
    repository: '/src/service',
    branch: 'main',
    pulls: [],
    unknown: [{ field: 'labels', effect: LOCAL_UNKNOWNS.labels }],
    notes: ['The clone is shallow.'],
    incomplete: false,
  };
  return buildReport(discovery, [
    {
      pull: pull(3, HOSTILE, '2026-03-10T10:00:00Z'),
      evaluation: await evaluatePr(goodForemanPr({ token: 'PENDING' })),
      prefix: '',
    },
    {
      pull: pull(2, 'Good one', '2026-03-03T10:00:00Z'),
      evaluation: await evaluatePr(goodForemanPr()),
      prefix: '',
    },
    {
      pull: pull(1, 'Gone', '2026-03-02T10:00:00Z'),
      error: "the PR's head commit 123 is not in this repository",
    },
  ]);
}

describe('history renderers', () => {
  it('text: verdicts, per check, per week, per PR with its first finding and reason, unknowns, notes', async () => {
    const text = renderHistory(await report(), 'text');
    expect(text).toContain(
      'Merge Gate history: 3 merged pull requests of /src/service (main, local git), merged 2026-03-02 to 2026-03-10',
    );
    expect(text).toContain('Verdicts: 1 may merge, 1 blocked, 1 not evaluated');
    expect(text).toMatch(/prehandover-proof-check\s+1\/2\s+50\.0%/);
    expect(text).toContain(
      '1× IAA token is PENDING: get the assurance audit done and record its token  (#3)',
    );
    expect(text).toMatch(/2026-03-09 {2}✔ {3}0 {2}✖ {3}1/);
    expect(text).toContain('      prehandover-proof-check: IAA token is PENDING');
    expect(text).toContain("      reason: the PR's head commit 123 is not in this repository");
    expect(text).toContain(`  - labels: ${LOCAL_UNKNOWNS.labels}`);
    expect(text).toContain('  - The clone is shallow.');
  });

  it('markdown: one row per PR, with the title escaped for a table cell', async () => {
    const markdown = renderHistory(await report(), 'markdown');
    expect(markdown).toContain(
      '| #3 | 2026-03-10 | ❌ blocked | Fix &lt;script&gt;alert(1)&lt;/script&gt; \\| pipes & "quotes" |',
    );
    expect(markdown).toContain('### What local mode cannot know');
  });

  it('html: one self-contained page that cannot load anything, with PR text escaped', async () => {
    const html = renderHistory(await report(), 'html');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|src=|href=/i);
    expect(html).toContain('Fix &lt;script&gt;alert(1)&lt;/script&gt; | pipes &amp; &quot;quotes&quot;');
    expect(html).toContain('<svg id="failure-rate"');
    expect(html).toContain('<svg id="verdicts-per-week"');
  });

  it('json: the report as is; exit 1 when a PR was not evaluated', async () => {
    const built = await report();
    expect(JSON.parse(renderHistory(built, 'json'))).toEqual(JSON.parse(JSON.stringify(built)));
    expect(historyExitCode(built)).toBe(1);
    expect(Object.keys(built)).toEqual(['pulls', 'summary']);
    expect(Object.keys(built.pulls[0]!)).toEqual([
      'number',
      'base',
      'head',
      'headRef',
      'title',
      'mergedAt',
      'verdict',
      'checks',
      'author',
      'labels',
      'origin',
      'error',
      'proposed',
    ]);
  });
});
