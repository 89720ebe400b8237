import type { Finding } from '../../model/results.js';
import type { ProofDocument } from '../../model/proof.js';
import { firstField } from '../../proof/parse.js';
import { requireServed, type EvaluationContext } from '../context.js';
import { UnavailableFileError } from '../served.js';
import type { LoadedDocument } from '../documents.js';
import { globMatcher } from '../globs.js';
import { normaliseSessionId } from '../session-id.js';
import { baseName, failure, success, type CheckDefinition } from './check.js';
import { missingFieldFinding } from './fields.js';

/** `session-memory-check`: this session's memory is written in this PR (SPEC §4.2, §8.7). */
export const sessionMemoryCheck: CheckDefinition = {
  id: 'session-memory-check',
  summary:
    "The session memory of the proof's session is added or modified by this PR, with its required fields.",
  configKeys: [
    'session_memory.globs',
    'session_memory.required_fields',
    'synonyms',
    'limits.max_markdown_bytes',
  ],
  async run(ctx) {
    // Applicability and the memory to look for come from the proof and the role it decides.
    requireServed(ctx, 'proofs', 'memories');
    const governing = ctx.proofs.governing;
    if (ctx.role !== 'foreman' && !governing) {
      return success(`Not applicable: no proof in this PR and the role is ${ctx.role}`);
    }
    const globs = ctx.config.session_memory.globs.join(', ');
    if (ctx.memories.paths.length === 0) {
      return failure(
        [
          {
            severity: 'failure',
            message: `No session memory added or modified by this PR (looked for ${globs}): commit this session's memory file`,
            configKey: 'session_memory.globs',
          },
        ],
        "No session memory in this PR: commit this session's memory file",
      );
    }
    const proofDoc = governing?.doc;
    const references = proofDoc ? referencedMemories(proofDoc, ctx) : [];
    const findings: Finding[] = [];
    // Only the candidates are read: a memory no rule looks at costs no request.
    const candidates = await Promise.all(
      chooseCandidates(ctx, references, findings).map((path) => ctx.memories.load(path)),
    );
    if (candidates.length === 0) return failure(findings);
    // A candidate the source could not serve: the check cannot decide (SPEC §2).
    const unserved = UnavailableFileError.merge(candidates.flatMap((memory) => memory.unavailable ?? []));
    if (unserved) throw unserved;

    const proofId = proofDoc ? firstField(proofDoc, 'session_id')?.value : undefined;
    const problemsByMemory = candidates.map((memory) => memoryProblems(ctx, memory, proofId));
    const good = candidates.find((_, i) => problemsByMemory[i]?.length === 0);
    if (good) return success(`Session memory ${baseName(good.path)} written in this PR`, findings);
    findings.push(...problemsByMemory.flat());
    return failure(findings);
  },
};

/** Memory paths the proof names in a session-memory field, an evidence row or a checklist item about memory. */
function referencedMemories(doc: ProofDocument, ctx: EvaluationContext): { path: string; line: number }[] {
  const texts: { text: string; line: number }[] = [];
  for (const field of doc.fields)
    if (field.canonical === 'session_memory') texts.push({ text: field.value, line: field.line });
  for (const table of doc.tables) {
    for (const row of table.rows) {
      const text = row.values.join(' ');
      if (/memory/i.test(text)) texts.push({ text, line: row.line });
    }
  }
  for (const item of doc.checklist)
    if (/session[\s_-]*memory/i.test(item.text)) texts.push({ text: item.text, line: item.line });
  const isMemory = globMatcher(ctx.config.session_memory.globs);
  const found = new Map<string, number>();
  for (const { text, line } of texts) {
    // Split into words rather than regex-scan: linear on hostile input.
    for (const word of text.split(/[\s`'"()[\]<>,;|]+/)) {
      if (!word.endsWith('.md') || !baseName(word).startsWith('session-')) continue;
      const path = word.replace(/^\.\//, '');
      if ((isMemory(path) || !path.includes('/')) && !found.has(path)) found.set(path, line);
    }
  }
  return [...found].map(([path, line]) => ({ path, line }));
}

/**
 * Paths of the referenced memories when the proof names any (each must be in the PR); otherwise
 * the changed memories under the proof agent's own workspace, else any changed memory (SPEC §8.7).
 */
function chooseCandidates(
  ctx: EvaluationContext,
  references: { path: string; line: number }[],
  findings: Finding[],
): string[] {
  const proofPath = ctx.proofs.governing?.path;
  const paths = ctx.memories.paths;
  if (references.length > 0) {
    const matched: string[] = [];
    for (const ref of references) {
      const memory = paths.find(
        (path) => path === ref.path || (!ref.path.includes('/') && baseName(path) === ref.path),
      );
      if (memory) matched.push(memory);
      else {
        findings.push({
          severity: 'failure',
          message: `The proof references session memory ${ref.path}, which this PR does not add or modify`,
          file: proofPath,
          line: ref.line,
          configKey: 'session_memory.globs',
        });
      }
    }
    return matched;
  }
  const agent = ctx.proofs.governing?.doc ? firstField(ctx.proofs.governing.doc, 'agent')?.value : undefined;
  const own = agent ? paths.filter((path) => isUnderAgentWorkspace(path, agent)) : [];
  return own.length > 0 ? own : paths;
}

function isUnderAgentWorkspace(path: string, agent: string): boolean {
  const dir = /^\.agent-workspace\/([^/]+)\//.exec(path)?.[1]?.toLowerCase();
  const name = agent.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!dir || !name) return false;
  return name === dir || name.startsWith(`${dir}-`) || dir.startsWith(`${name}-`);
}

function memoryProblems(
  ctx: EvaluationContext,
  memory: LoadedDocument,
  proofId: string | undefined,
): Finding[] {
  if (!memory.doc)
    return [
      { severity: 'failure', message: `Session memory ${memory.path} ${memory.problem}`, file: memory.path },
    ];
  const problems: Finding[] = [];
  for (const name of ctx.config.session_memory.required_fields) {
    if (!firstField(memory.doc, name)?.value) {
      const finding = missingFieldFinding(memory.doc, name, memory.path, 'session_memory.required_fields');
      problems.push({ ...finding, message: `Session memory ${baseName(memory.path)}: ${finding.message}` });
    }
  }
  const memoryId = firstField(memory.doc, 'session_id');
  if (proofId && memoryId?.value && !sameSession(proofId, memoryId.value)) {
    problems.push({
      severity: 'failure',
      message: `Session memory ${baseName(memory.path)} is for session ${memoryId.value}, the proof for session ${proofId}`,
      file: memory.path,
      line: memoryId.line,
    });
  }
  return problems;
}

/** Ids match after normalisation, or when one is the other plus a descriptive suffix (`057` vs `057-20260225`). */
function sameSession(a: string, b: string): boolean {
  const [x, y] = [normaliseSessionId(a), normaliseSessionId(b)];
  return x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`);
}
