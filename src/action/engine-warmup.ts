/**
 * What the engine thread does while the PR is read: it evaluates a small made-up PR shaped like
 * the real ones (a proof with field tables, task lists, quotes and `yaml` fences; a session
 * memory; code, workflow and JSON files), so that V8 has compiled the parser and the checks before
 * the real proofs arrive. A first parse in a fresh process costs several times a warm one
 * (docs/benchmarks.md, "Cold parse and evaluation"). Nothing here is reported or kept.
 */
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { loadConfig } from '../config/load.js';
import { parseOptionsFrom, parseProof } from '../proof/parse.js';
import type { ChangedFile, FileContent, PullRequestFacts } from '../model/facts.js';
import { evaluateSource } from '../sources/evaluate-source.js';
import type { PullRequestSource } from '../sources/source.js';

const BRANCH = 'copilot/warm-up';
const MEMORY = '.agent-workspace/foreman-v2/memory';

const proof = (session: number) => `# PREHANDOVER Proof — Session ${session} — Wave 1

| Field | Value |
|---|---|
| Session ID | ${session} |
| Date | 2026-01-0${session % 9} |
| Agent | foreman-v2-agent v1.0.0 |
| Triggering Issue | Wire the service — Issue #${session + 10} |
| Branch | ${BRANCH} |

## Builder Deliverables

| Builder | Task | Status |
|---|---|---|
| api-builder | Add \`apps/svc/src/index.ts\` and its tests | DELIVERED — QP: PASS |
| qa-builder | Add the workflow job; 12/12 tests GREEN | DELIVERED — QP: PASS |

### api-builder
> QP EVALUATION — api-builder:
>   100% GREEN tests: ✅ (12/12)
>
> QP VERDICT: PASS

## OPOJD Gate

- [x] Zero test failures (12/12 GREEN)
- [x] Zero *skipped* tests — **see** [notes](https://example.com/notes) ~~none~~
1. \`apps/svc/src/index.ts\` — changed

## Files Changed

| File | Change |
|---|---|
| \`apps/svc/src/index.ts\` | New |
| \`.github/workflows/ci.yml\` | build job |

\`\`\`yaml
session_id: ${session}
agents_delegated_to: [api-builder, qa-builder]
checks:
  tests: 12/12
  list:
    - one
    - two: three
\`\`\`

\`\`\`yaml
broken: [unclosed
  mode: 1. a → b
\`\`\`

## Bundle Completeness

- [x] Session memory: \`${MEMORY}/session-${session}-wave1-20260101.md\`

## IAA Audit Token

\`iaa_audit_token: IAA-session-${session}-20260101-PASS\`

\`\`\`
ASSURANCE-TOKEN
Token reference: IAA-session-${session}-20260101-PASS
\`\`\`
`;

const memory = (session: number) => `# Session Memory — foreman-v2-agent — Session ${session}

| Field | Value |
|---|---|
| session_id | ${session} |
| date | 2026-01-0${session % 9} |
| agent | foreman-v2-agent v1.0.0 |
| branch | ${BRANCH} |

\`\`\`yaml
phase_1_preflight: COMPLETE
prior_sessions_reviewed: [session-${session - 1}.md]
\`\`\`

## Agents Delegated To

\`\`\`yaml
agents_delegated_to:
  - api-builder: Add the service
  - qa-builder: Add the workflow job
\`\`\`
`;

const CONFIG = `mode: enforce
proof:
  required_fields: [session_id, date, agent, issue, branch]
roles:
  builders: [api-builder, qa-builder]
`;

/** A made-up PR `session`, fully in memory (exported for its test: it must pass every check). */
export function madeUpPr(session: number): PullRequestSource {
  const texts = new Map<string, string>([
    [`${MEMORY}/PREHANDOVER-session-${session}-wave1-20260101.md`, proof(session)],
    [`${MEMORY}/session-${session}-wave1-20260101.md`, memory(session)],
    ['apps/svc/src/index.ts', 'export const answer = 42;\n'],
    [
      '.github/workflows/ci.yml',
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ run: make }]\n',
    ],
    ['apps/svc/package.json', '{ "name": "svc", "version": "1.0.0" }\n'],
  ]);
  const changedFiles: ChangedFile[] = [...texts].map(([path, text]) => ({
    path,
    status: 'added',
    additions: text.split('\n').length - 1,
    deletions: 0,
    patch: `@@ -0,0 +1,${text.split('\n').length - 1} @@\n${text.replace(/^/gm, '+').replace(/\+$/, '')}`,
  }));
  const facts: PullRequestFacts = {
    number: session,
    title: `Wave 1 — session ${session}`,
    body: `Fixes #${session + 10}`,
    draft: false,
    author: 'copilot',
    labels: [],
    headRef: BRANCH,
    headSha: 'a'.repeat(40),
    baseRef: 'main',
    baseSha: 'b'.repeat(40),
    isFork: false,
    changedFiles,
  };
  const read = async (path: string): Promise<FileContent> => {
    const text = texts.get(path);
    return text === undefined ? { state: 'absent' } : { state: 'ok', text };
  };
  return {
    facts: async () => facts,
    reader: () => ({ read }),
    mergeBaseReader: () => ({ read: async () => ({ state: 'absent' }) }),
    baseConfigText: async () => CONFIG,
  };
}

/**
 * The kind of a warm-up step, which a warm-up yields before the step: first with no work done,
 * then after each step for the next one. A `parser` step (a sample document parsed) is short, so
 * the engine thread also runs it while its evaluation waits on the main thread; an `evaluation`
 * step runs only before the real config arrives.
 */
export type WarmUpStep = 'parser' | 'evaluation';

/**
 * The warm-up, one step per `next()`, each short enough not to hold back the real PR's config for
 * long: the parser on a proof and a memory, the config loader, then made-up PRs (each evaluation
 * runs to its end within its step: its reads are answered at once).
 */
export function* warmUpSteps(rounds = 3): Generator<WarmUpStep> {
  yield 'parser';
  const options = parseOptionsFrom(DEFAULT_CONFIG);
  parseProof(proof(79), options);
  yield 'parser';
  parseProof(memory(79), options);
  yield 'evaluation';
  loadConfig(CONFIG, '.github/merge-gate.yml');
  yield 'evaluation';
  for (let round = 0; round < rounds; round += 1) {
    void evaluateSource(madeUpPr(80 + round), loadConfig(undefined, '.github/merge-gate.yml'), {
      configPath: '.github/merge-gate.yml',
    }).catch(() => undefined);
    yield 'evaluation';
  }
}
