import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PULL_REQUEST_ACTIONS } from '../../../src/action/event.js';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { loadConfig } from '../../../src/config/load.js';
import type { Config } from '../../../src/config/types.js';
import { CHECK_IDS } from '../../../src/model/contexts.js';
import { evaluatePr, failures, result } from '../../helpers/evaluate-pr.js';
import { InMemoryPr } from '../../helpers/in-memory-pr.js';

const ROOT = process.cwd();
const CONFIGS = join(ROOT, 'examples', 'config');
const WORKFLOWS = join(ROOT, 'examples', 'workflows');
const SCHEMA_URL = 'https://raw.githubusercontent.com/OWNER/merge-gate/v1/schema/merge-gate.schema.json';

/** Every example in a folder, so a new one is covered without touching this test. */
const ymlFiles = (dir: string) => readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const load = (name: string): Config =>
  loadConfig(readFileSync(join(CONFIGS, name), 'utf8'), `examples/config/${name}`);

describe('examples/config', () => {
  const names = ymlFiles(CONFIGS);

  it('holds the default and minimal examples', () => {
    expect(names).toEqual(expect.arrayContaining(['default.yml', 'minimal.yml']));
  });

  it.each(names)('%s loads with the real config loader (schema, regexes, duplicate keys)', (name) => {
    expect(() => load(name)).not.toThrow();
  });

  it.each(names)('%s points editors at the published schema on its first line', (name) => {
    const firstLine = readFileSync(join(CONFIGS, name), 'utf8').split('\n')[0];
    expect(firstLine).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    // The URL serves this repository's schema at the v1 tag: the path must exist here.
    expect(existsSync(join(ROOT, SCHEMA_URL.replace(/^.*\/v1\//, '')))).toBe(true);
  });

  it('default.yml is exactly the defaults, with every top-level key written out and commented', () => {
    const text = readFileSync(join(CONFIGS, 'default.yml'), 'utf8');
    expect(load('default.yml')).toEqual(DEFAULT_CONFIG);
    const keys = Object.keys(parse(text) as object);
    expect(keys.sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
    const lines = text.split('\n');
    for (const key of keys) {
      const at = lines.findIndex((line) => line.startsWith(`${key}:`));
      expect({ key, comment: lines[at - 1]?.startsWith('# ') }).toEqual({ key, comment: true });
    }
  });
});

describe('examples/config/minimal.yml: one agent, no foreman/builder split, no IAA', () => {
  const AGENT = 'dev-agent';
  const MEMORY = `.agent-workspace/${AGENT}/memory/session-012-20260305.md`;
  const PROOF = `.agent-workspace/${AGENT}/memory/PREHANDOVER-session-012-20260305.md`;
  const proof = (token?: string) => `# PREHANDOVER Proof — Session 012

| Field | Value |
|---|---|
| Session ID | 012 |
| Date | 2026-03-05 |
| Agent | ${AGENT} |
| Issue | #42 Add the greeting |
| Branch | copilot/feature |

## Bundle Completeness

- [x] Session memory: \`${MEMORY}\`
- [x] Tests: 12/12 tests GREEN

${token === undefined ? '' : `## IAA\n\niaa_audit_token: ${token}\n`}`;
  /** The single agent writes the code and a test itself, with no independent audit. */
  const soloPr = (token?: string) =>
    new InMemoryPr()
      .change(PROOF, proof(token))
      .change(
        MEMORY,
        `| Field | Value |\n|---|---|\n| session_id | 012 |\n| date | 2026-03-05 |\n| agent | ${AGENT} |\n`,
      )
      .change('apps/web/src/greeting.ts', 'export const greeting = "hello";\n')
      .change('apps/web/src/greeting.test.ts', 'it("greets", () => expect(greeting).toBe("hello"));\n');

  it('passes every check for the solo agent that wrote code with no IAA token', async () => {
    const evaluation = await evaluatePr(soloPr(), load('minimal.yml'));
    for (const id of CHECK_IDS)
      expect({ id, state: result(evaluation, id).state }).toEqual({ id, state: 'success' });
    expect(result(evaluation, 'foreman-implementation-check').description).toContain('Builder PR');
  });

  it('is what makes that PR pass: under the defaults it fails on the role split and the token', async () => {
    const evaluation = await evaluatePr(soloPr(), load('default.yml'));
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('failure');
    expect(failures(evaluation, 'prehandover-proof-check').join('\n')).toContain('No IAA audit token');
    expect(result(evaluation, 'foreman-implementation-check').description).toContain('Role unresolved');
    expect(result(evaluation, 'builder-involvement-check').state).toBe('failure');
  });

  it('turns off only what it claims: a written REJECT or PENDING token still fails', async () => {
    const config = load('minimal.yml');
    const rejected = await evaluatePr(soloPr('IAA-session-012-20260305-REJECT'), config);
    expect(failures(rejected, 'prehandover-proof-check').join('\n')).toContain('is a rejection');
    const pending = await evaluatePr(soloPr('PENDING'), config);
    expect(failures(pending, 'prehandover-proof-check').join('\n')).toContain('PENDING');
    const noToken = await evaluatePr(soloPr('see the notes'), config);
    expect(result(noToken, 'prehandover-proof-check').state).toBe('success');
  });

  it('keeps the proof and session memory requirements', async () => {
    const withoutMemory = soloPr().remove(MEMORY);
    const evaluation = await evaluatePr(withoutMemory, load('minimal.yml'));
    expect(result(evaluation, 'session-memory-check').state).toBe('failure');
    const withoutProof = await evaluatePr(soloPr().remove(PROOF), load('minimal.yml'));
    expect(result(withoutProof, 'prehandover-proof-check').state).toBe('failure');
  });
});

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  permissions?: unknown;
  jobs: Record<string, { name?: string; steps: Step[] }>;
}

/** A step that brings the pull request's own code onto the runner. */
function checksOutPrCode(step: Step): boolean {
  if (!step.uses?.startsWith('actions/checkout')) return false;
  const ref = String(step.with?.ref ?? '') + String(step.with?.repository ?? '');
  return /pull_request\.head|head_ref|refs\/pull|merge_group\.head/.test(ref);
}

/** Workflows that run `merge-gate history` rather than the gate: they post no status (tested below). */
const HISTORY_WORKFLOWS = ['history.yml'];

describe('examples/workflows', () => {
  const names = ymlFiles(WORKFLOWS).filter((name) => !HISTORY_WORKFLOWS.includes(name));
  const workflow = (name: string) =>
    parse(readFileSync(join(WORKFLOWS, name), 'utf8'), { uniqueKeys: true }) as Workflow;
  const steps = (name: string) => Object.values(workflow(name).jobs).flatMap((job) => job.steps);

  it('holds the three documented workflows', () => {
    expect(names).toEqual(
      expect.arrayContaining(['merge-queue.yml', 'pull-request-target.yml', 'pull-request.yml']),
    );
  });

  it.each(names)('%s runs the Merge Gate action in every job', (name) => {
    for (const job of Object.values(workflow(name).jobs))
      expect(job.steps.map((step) => step.uses)).toContain('OWNER/merge-gate@v1');
  });

  it.each(names)('%s declares the least permissions the action needs', (name) => {
    expect(workflow(name).permissions).toEqual({
      statuses: 'write',
      'pull-requests': 'read',
      contents: 'read',
      // Evidence verification: the triggering issue, and the check runs that ran the tests.
      issues: 'read',
      checks: 'read',
    });
  });

  it.each(names)('%s never checks out or runs code from the pull request', (name) => {
    for (const step of steps(name)) {
      expect(checksOutPrCode(step)).toBe(false);
      expect(step.run).toBeUndefined();
    }
  });

  it('recognises a checkout of the pull request head (the check above can fail)', () => {
    const bad = parse(
      'uses: actions/checkout@v4\nwith:\n  ref: ${{ github.event.pull_request.head.sha }}\n',
    ) as Step;
    expect(checksOutPrCode(bad)).toBe(true);
    expect(checksOutPrCode({ uses: 'actions/checkout@v4' })).toBe(false);
  });

  it.each(names)('%s triggers on every pull request activity the action evaluates', (name) => {
    const on = workflow(name).on;
    const events = Object.keys(on).filter((event) => event.startsWith('pull_request'));
    expect(events).toHaveLength(1);
    expect([...(on[events[0] as string]?.types ?? [])].sort()).toEqual([...PULL_REQUEST_ACTIONS].sort());
  });

  it.each(names)('%s names its job differently from the seven contexts', (name) => {
    for (const [id, job] of Object.entries(workflow(name).jobs))
      expect(CHECK_IDS as readonly string[]).not.toContain(job.name ?? id);
  });

  it.each(names)('%s runs once per pull request at a time, the newer run cancelling the older', (name) => {
    // labeled and synchronize race: an older run finishing last would post a stale decision.
    const { concurrency, on } = workflow(name);
    expect(concurrency?.['cancel-in-progress']).toBe(true);
    expect(concurrency?.group).toMatch(/\$\{\{[^}]*github\.event\.pull_request\.number/);
    if ('merge_group' in on) expect(concurrency?.group).toContain('github.event.merge_group.head_ref');
  });

  it('uses the events each file is named for', () => {
    expect(Object.keys(workflow('pull-request-target.yml').on)).toEqual(['pull_request_target']);
    expect(Object.keys(workflow('pull-request.yml').on)).toEqual(['pull_request']);
    expect(Object.keys(workflow('merge-queue.yml').on).sort()).toEqual([
      'merge_group',
      'pull_request_target',
    ]);
  });
});

describe('examples/workflows/history.yml: merge-gate history for many repositories', () => {
  const text = readFileSync(join(WORKFLOWS, 'history.yml'), 'utf8');
  const workflow = parse(text, { uniqueKeys: true }) as Workflow & {
    jobs: Record<string, { strategy?: { matrix?: { repository?: string[] }; 'fail-fast'?: boolean } }>;
  };
  const job = Object.values(workflow.jobs)[0]!;

  it('is the only history workflow, and the folder holds nothing else unknown', () => {
    expect(ymlFiles(WORKFLOWS).sort()).toEqual(
      ['history.yml', 'merge-queue.yml', 'pull-request-target.yml', 'pull-request.yml'].sort(),
    );
  });

  it('runs on demand or on a schedule, never on a pull request, with read-only permissions', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
  });

  it('is a matrix of repositories that does not stop at the first failure', () => {
    expect(job.strategy?.matrix?.repository?.length).toBeGreaterThan(1);
    expect(job.strategy?.['fail-fast']).toBe(false);
  });

  it('evaluates once through the API, renders the saved report, and keeps it as an artifact and a job summary', () => {
    const script = job.steps.map((step) => step.run ?? '').join('\n');
    expect(script.match(/history --github/g)).toHaveLength(1);
    expect(script).toContain('--from');
    expect(script).toContain('--format markdown');
    expect(script).toContain('$GITHUB_STEP_SUMMARY');
    expect(job.steps.some((step) => step.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
    expect(job.steps.some((step) => step.uses?.startsWith('actions/checkout'))).toBe(false);
  });

  it('has shell steps that bash parses, with expressions only in env (never pasted into the script)', () => {
    for (const step of job.steps.filter((s) => s.run !== undefined)) {
      expect(step.run).not.toContain('${{');
      expect(() => execFileSync('bash', ['-n'], { input: step.run })).not.toThrow();
    }
  });
});
