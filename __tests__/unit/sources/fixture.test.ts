import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureError, FixtureSource, parseChangedTsv } from '../../../src/sources/fixture.js';

const PR_743 = join(process.cwd(), '__fixtures__/prs/maturion-isms-pr-743');
const PROOF = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080-wave12-deploy-20260301.md';
const WORKFLOW = '.github/workflows/deploy-mat-ai-gateway.yml';

describe('FixtureSource on maturion-isms PR 743', () => {
  it('reads the PR facts from pr.json and the changed files from changed.tsv', async () => {
    const facts = await new FixtureSource(PR_743).facts();
    expect(facts).toMatchObject({
      number: 743,
      title: 'feat(wave-12): wire AI Gateway production deployment to AWS ECS + add CWT post-deploy gate',
      author: 'Copilot',
      headSha: 'c03743b8b9dfcbc15d68c1b60e2da45ad88c793b',
      baseSha: 'a3f46a3002d46f8f933612a7f5b50ab867baf4a0',
      labels: [],
      headRef: '',
      draft: false,
      isFork: false,
    });
    expect(facts.changedFiles).toHaveLength(8);
    expect(facts.changedFiles[0]).toEqual({ path: PROOF, status: 'added', additions: 171, deletions: 0 });
    expect(facts.changedFiles.find((f) => f.path === WORKFLOW)).toEqual({
      path: WORKFLOW,
      status: 'modified',
      additions: 79,
      deletions: 39,
    });
  });

  it('lets the caller set what real fixtures do not record: head branch, labels, author', async () => {
    const source = new FixtureSource(PR_743, {
      headRef: 'copilot/deploy-ai-gateway-production',
      labels: ['copilot-builder-role'],
      author: 'copilot-swe-agent[bot]',
    });
    expect(await source.facts()).toMatchObject({
      headRef: 'copilot/deploy-ai-gateway-production',
      labels: ['copilot-builder-role'],
      author: 'copilot-swe-agent[bot]',
    });
  });

  it('reads a changed file the fixture includes', async () => {
    const content = await new FixtureSource(PR_743).reader().read(PROOF);
    expect(content.state).toBe('ok');
    expect(content.state === 'ok' && content.text).toContain('| Session ID | 080 |');
  });

  it('calls a changed file the fixture does not include unreadable, not absent', async () => {
    expect(await new FixtureSource(PR_743).reader().read(WORKFLOW)).toEqual({
      state: 'unreadable',
      reason: 'not included in the fixture',
    });
  });

  it('calls a path that is neither changed nor included absent', async () => {
    expect(await new FixtureSource(PR_743).reader().read('governance/CANON_INVENTORY.json')).toEqual({
      state: 'absent',
    });
  });

  it('never reads outside the fixture folder', async () => {
    expect(await new FixtureSource(PR_743).reader().read('../pr.json')).toEqual({ state: 'absent' });
  });

  it('applies the size limit it is given', async () => {
    const content = await new FixtureSource(PR_743).reader({ maxFileBytes: 1024 }).read(PROOF);
    expect(content).toMatchObject({
      state: 'unreadable',
      reason: expect.stringContaining('over the 1 KB limit'),
    });
  });

  it('has no base config unless one is given', async () => {
    const source = new FixtureSource(PR_743);
    expect(await source.baseConfigText('.github/merge-gate.yml')).toBeUndefined();
    const configured = new FixtureSource(PR_743, { configText: 'mode: advisory\n' });
    expect(await configured.baseConfigText('.github/merge-gate.yml')).toBe('mode: advisory\n');
  });
});

describe('FixtureSource on a hand-written fixture', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'merge-gate-fixture-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes optional head branch, labels and body from pr.json, and the base config from base/', async () => {
    writeFileSync(
      join(dir, 'pr.json'),
      JSON.stringify({ title: 'demo', body: 'why', headRef: 'feature/demo', labels: ['docs-only'] }),
    );
    writeFileSync(join(dir, 'changed.tsv'), 'R087\tdocs/new name.md\t1\t2\tdocs/old name.md\n');
    mkdirSync(join(dir, 'base/.github'), { recursive: true });
    writeFileSync(join(dir, 'base/.github/merge-gate.yml'), 'mode: advisory\n');
    const source = new FixtureSource(dir);
    expect(await source.facts()).toMatchObject({
      title: 'demo',
      body: 'why',
      headRef: 'feature/demo',
      labels: ['docs-only'],
      changedFiles: [
        {
          path: 'docs/new name.md',
          status: 'renamed',
          previousPath: 'docs/old name.md',
          additions: 1,
          deletions: 2,
        },
      ],
    });
    expect(await source.baseConfigText('.github/merge-gate.yml')).toBe('mode: advisory\n');
  });

  it('says which file is missing when the folder is not a fixture', async () => {
    await expect(new FixtureSource(dir).facts()).rejects.toThrow(/pr\.json is missing/);
  });
});

describe('parseChangedTsv', () => {
  it('maps A, M, D, R to added, modified, removed, renamed', () => {
    const files = parseChangedTsv('A\ta.md\t3\t0\nM\tb.md\t1\t1\nD\tc.md\t0\t9\nR\td.md\t0\t0\tc2.md\n');
    expect(files.map((f) => f.status)).toEqual(['added', 'modified', 'removed', 'renamed']);
    expect(files[3]?.previousPath).toBe('c2.md');
  });

  it('rejects a line that is not status, path, additions, deletions', () => {
    expect(() => parseChangedTsv('A\ta.md\tmany\t0\n')).toThrow(FixtureError);
    expect(() => parseChangedTsv('Z\ta.md\t1\t0\n')).toThrow(/line 1/);
  });
});
