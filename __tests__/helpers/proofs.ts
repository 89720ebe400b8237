/** Small hand-made proofs and memories in the shapes real agents write (see __fixtures__). */

export const PROOF_PATH = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-090-wave14-20260305.md';
export const MEMORY_PATH = '.agent-workspace/foreman-v2/memory/session-090-wave14-20260305.md';

export interface ProofOptions {
  sessionId?: string;
  date?: string;
  agent?: string;
  branch?: string;
  token?: string;
  builders?: string;
  memoryPath?: string;
  extra?: string;
  unchecked?: boolean;
}

export function proofText(options: ProofOptions = {}): string {
  const {
    sessionId = '090',
    date = '2026-03-05',
    agent = 'foreman-v2-agent v6.2.0',
    branch = 'copilot/feature',
    token = 'IAA-session-031-20260305-PASS',
    memoryPath = MEMORY_PATH,
    builders = '| api-builder | Wire the endpoint | DELIVERED — QP: PASS |',
    extra = '',
    unchecked = false,
  } = options;
  return `# PREHANDOVER Proof — Session ${sessionId}

| Field | Value |
|---|---|
| Session ID | ${sessionId} |
| Date | ${date} |
| Agent | ${agent} |
| Triggering Issue | [Wave 14] Wire the endpoint — Issue #900 |
| Branch | ${branch} |

## Builder Deliverables

| Builder | Task | Status |
|---|---|---|
${builders}

## Bundle Completeness

- [x] PREHANDOVER proof (this file)
- [x] Session memory: \`${memoryPath}\`
- [${unchecked ? ' ' : 'x'}] Evidence: 120/120 tests GREEN
${extra}
## IAA Audit Token

\`iaa_audit_token: ${token}\`
`;
}

export function memoryText(options: { sessionId?: string; agent?: string; delegated?: string } = {}): string {
  const {
    sessionId = '090',
    agent = 'foreman-v2-agent v6.2.0',
    delegated = '  - api-builder: wire the endpoint',
  } = options;
  return `# Session Memory — Session ${sessionId}

| Field | Value |
|---|---|
| session_id | ${sessionId} |
| date | 2026-03-05 |
| agent | ${agent} |

## Agents Delegated To

\`\`\`yaml
agents_delegated_to:
${delegated}
\`\`\`
`;
}
