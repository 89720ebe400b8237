/**
 * Renders an Evaluation for people and programs: an aligned text table for the terminal, stable
 * JSON for scripts, GitHub-flavoured Markdown for the job summary. Pure: same input, same output.
 */
import type { CheckResult, CheckState, Evaluation, Finding } from '../model/results.js';
import { contextName } from '../model/contexts.js';
import { codeSpan, escapeCell, escapeInline, linkTarget, oneLine } from './markdown.js';

/** Options every renderer takes. */
export interface RenderOptions {
  /** Prefix of the context names (`config.context_prefix`), so the report names what the statuses name. */
  contextPrefix?: string;
}

export interface MarkdownOptions extends RenderOptions {
  /** Link for a file (and line): e.g. `https://github.com/o/r/blob/<sha>/<file>#L<line>`. Without it, files are plain code. */
  fileUrl?: (file: string, line?: number) => string;
}

const TEXT_SYMBOL: Record<CheckState, string> = { success: '✔', failure: '✖', error: '!' };
const EMOJI: Record<CheckState, string> = { success: '✅', failure: '❌', error: '⚠️' };
const FINDING_EMOJI: Record<Finding['severity'], string> = {
  failure: '❌',
  error: '⚠️',
  warning: '⚠️',
  notice: 'ℹ️',
};
const HEADLINE: Record<CheckState, string> = {
  success: 'may merge',
  failure: 'blocked',
  error: 'could not decide',
};

/** The terminal report: one aligned row per check, then findings per check, then proofs and role. */
export function renderText(evaluation: Evaluation, options: RenderOptions = {}): string {
  const contexts = evaluation.results.map((r) => contextName(r.check, options.contextPrefix));
  const width = Math.max(0, ...contexts.map((c) => c.length));
  const lines = evaluation.results.map((r, i) =>
    `${TEXT_SYMBOL[r.state]} ${(contexts[i] ?? '').padEnd(width)}  ${oneLine(r.description)}`.trimEnd(),
  );
  evaluation.results.forEach((result, i) => {
    if (result.findings.length === 0) return;
    lines.push('', `${contexts[i]}${qualifier(result)}`);
    for (const finding of result.findings) lines.push(`  ${textFinding(finding)}`);
  });
  lines.push('', `Verdict: ${evaluation.verdict}`, ...proofLines(evaluation, (file) => file));
  if (evaluation.notes.length > 0)
    lines.push('Notes:', ...evaluation.notes.map((note) => `  - ${oneLine(note)}`));
  return `${lines.join('\n')}\n`;
}

/** The JSON report; keys always present and in a fixed order, so scripts and diffs can rely on the shape. */
export function renderJson(evaluation: Evaluation, options: RenderOptions = {}): string {
  const report = {
    verdict: evaluation.verdict,
    role: evaluation.role,
    governingProof: evaluation.governingProof ?? null,
    relatedProofs: evaluation.relatedProofs,
    checks: jsonChecks(evaluation, options),
    notes: evaluation.notes,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The `checks` array of the JSON report, one object per check: also what `merge-gate history` prints per PR. */
export function jsonChecks(evaluation: Evaluation, options: RenderOptions = {}) {
  return evaluation.results.map((result) => ({
    context: contextName(result.check, options.contextPrefix),
    state: result.state,
    description: result.description,
    findings: result.findings.map((f) => ({
      severity: f.severity,
      message: f.message,
      file: f.file ?? null,
      line: f.line ?? null,
      configKey: f.configKey ?? null,
    })),
    ...(result.waivedBy !== undefined && { waivedBy: result.waivedBy }),
    ...(result.advisory !== undefined && { advisory: { wouldBe: result.advisory.wouldBe } }),
  }));
}

/** One element of `jsonChecks`. */
export type JsonCheck = ReturnType<typeof jsonChecks>[number];

/** The Markdown report: verdict heading, a table of the seven checks, findings with links, then proofs and notes. */
export function renderMarkdown(evaluation: Evaluation, options: MarkdownOptions = {}): string {
  const link = (file: string, line?: number): string => {
    const text = codeSpan(line ? `${file}:${line}` : file);
    return options.fileUrl ? `[${text}](${linkTarget(options.fileUrl(file, line))})` : text;
  };
  const contexts = evaluation.results.map((r) => contextName(r.check, options.contextPrefix));
  const out = [
    `## ${EMOJI[evaluation.verdict]} Merge Gate: ${HEADLINE[evaluation.verdict]}${advisoryNote(evaluation)}`,
    '',
  ];
  out.push('| | Check | Description |', '|---|---|---|');
  evaluation.results.forEach((r, i) => {
    const state = r.advisory
      ? `${EMOJI[r.state]} advisory: would ${wouldBe(r.advisory.wouldBe)}`
      : EMOJI[r.state];
    out.push(
      `| ${state} | ${escapeCell(codeSpan(contexts[i] ?? ''))} | ${escapeCell(escapeInline(r.description))} |`,
    );
  });
  evaluation.results.forEach((result, i) => {
    if (result.findings.length === 0) return;
    out.push(
      '',
      `### ${EMOJI[result.state]} ${escapeInline(contexts[i] ?? '')}${escapeInline(qualifier(result))}`,
      '',
    );
    for (const f of result.findings) {
      const where = f.file ? `${link(f.file, f.line)}: ` : '';
      const key = f.configKey ? ` (${codeSpan(f.configKey)})` : '';
      out.push(`- ${FINDING_EMOJI[f.severity]} ${where}${escapeInline(oneLine(f.message))}${key}`);
    }
  });
  out.push(
    '',
    ...proofLines(evaluation, link, escapeInline).map((line) => `- ${line.replace(/^([^:]+):/, '**$1:**')}`),
  );
  if (evaluation.notes.length > 0) {
    out.push('', '**Notes**', '', ...evaluation.notes.map((note) => `- ${escapeInline(oneLine(note))}`));
  }
  return `${out.join('\n')}\n`;
}

function textFinding(finding: Finding): string {
  const where = finding.file ? `${finding.file}${finding.line ? `:${finding.line}` : ''}  ` : '';
  const severity = finding.severity === 'failure' ? '' : `${finding.severity}: `;
  const key = finding.configKey ? `  [${finding.configKey}]` : '';
  return `${where}${severity}${oneLine(finding.message)}${key}`;
}

/** Why a check's state is not what its findings suggest: waived by a label, or advisory mode (SPEC §3, §8.13). */
function qualifier(result: CheckResult): string {
  if (result.waivedBy !== undefined) return ` (waived by label "${result.waivedBy}")`;
  if (result.advisory) return ` (advisory: would ${wouldBe(result.advisory.wouldBe)})`;
  return '';
}

function wouldBe(state: CheckState): string {
  return state === 'failure' ? 'fail' : state === 'error' ? 'error' : 'pass';
}

function advisoryNote(evaluation: Evaluation): string {
  const count = evaluation.results.filter((r) => r.advisory).length;
  return count === 0 ? '' : ` (advisory mode: ${count} check${count === 1 ? '' : 's'} would not pass)`;
}

/** `Governing proof: …`, `Related proofs: …`, `Role: …`, with files shown by `show` and other text by `text`. */
function proofLines(
  evaluation: Evaluation,
  show: (file: string) => string,
  text: (value: string) => string = (value) => value,
): string[] {
  const related = evaluation.relatedProofs.map((file) => show(file)).join(', ');
  return [
    `Governing proof: ${evaluation.governingProof ? show(evaluation.governingProof) : 'none'}`,
    `Related proofs: ${related || 'none'}`,
    `Role: ${text(evaluation.role || 'unknown')}`,
  ];
}
