import type { Finding } from '../../model/results.js';
import type { ProofDocument } from '../../model/proof.js';

/** Keys that people use for a required field but that are not synonyms of it (SPEC §8.4). */
const NEAR_KEYS: Record<string, string[]> = {
  agent: ['prepared_by', 'author', 'authored_by', 'produced_by', 'owner', 'type'],
  date: ['timestamp', 'created', 'created_at', 'generated', 'completed'],
  session_id: ['session_number', 'run_id', 'session_ref'],
  issue: ['pr', 'pull_request', 'issue_number', 'type'],
  branch: ['head', 'head_ref', 'git_branch'],
};

/** "no agent field (found `Prepared by`, which is not a synonym)": names the near key when there is one. */
export function missingFieldFinding(
  doc: ProofDocument,
  name: string,
  file: string,
  configKey: string,
): Finding {
  const near = doc.fields.find((field) => !field.canonical && (NEAR_KEYS[name] ?? []).includes(field.key));
  const hint = near
    ? ` (found "${near.rawKey}", which is not a synonym: rename it or add it to synonyms.${name})`
    : '';
  return {
    severity: 'failure',
    message: `No ${name} field${hint}`,
    file,
    line: near?.line,
    configKey: near ? `synonyms.${name}` : configKey,
  };
}
