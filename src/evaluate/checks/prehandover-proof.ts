import type { Finding } from '../../model/results.js';
import type { ProofDocument, TokenOccurrence } from '../../model/proof.js';
import { firstField } from '../../proof/parse.js';
import { verdictOf } from '../../proof/token.js';
import { requireServed, type EvaluationContext } from '../context.js';
import { findPlaceholder } from '../placeholders.js';
import { branchName } from '../proofs.js';
import { parseProofDate } from '../session-id.js';
import { baseName, failure, success, type CheckDefinition } from './check.js';
import { missingFieldFinding } from './fields.js';

/** `prehandover-proof-check`: the PR carries a complete, consistent proof (SPEC §4.1). */
export const prehandoverProofCheck: CheckDefinition = {
  id: 'prehandover-proof-check',
  summary: 'The PR carries a complete, consistent PREHANDOVER proof with a passing IAA token.',
  configKeys: [
    'proof.globs',
    'proof.exclude',
    'proof.required_fields',
    'proof.match_branch',
    'proof.pending',
    'proof.completeness_headings',
    'synonyms',
    'token.pattern',
    'token.required',
    'limits.max_markdown_bytes',
    'evidence.verify',
    'evidence.test_check_pattern',
  ],
  findings: [
    'no proof among the changed files; a required field missing; Branch not the head branch; a Date that is not a date',
    'a template placeholder left in a field or completeness item; an unchecked completeness item',
    'an IAA token that is MISSING, REJECT or PENDING, or a token file that does not exist at head',
    'evidence: a delivered file (path cell of a files / bundle / deliverables / evidence table, or a ticked evidence item) that does not exist at head',
    'evidence: a file its row says is created / new / added that the PR does not add or modify',
    'evidence: a stated SHA-256 that does not match the file at head: stale (matches an earlier commit of the PR, or the file before the PR changed it), never matched, or the hash of empty input',
    'evidence: a triggering issue that is a pull request, this pull request, or no issue at all (GitHub only)',
    'evidence (warning): test results reported on a head commit with no check run or status that runs tests (GitHub only, needs checks: read)',
    'evidence (warning): the same false claims in a related proof',
  ],
  async run(ctx) {
    requireServed(ctx, 'proofs');
    const { governing, related } = ctx.proofs;
    if (!governing) {
      return failure(
        [
          {
            severity: 'failure',
            message: `No PREHANDOVER proof among the files this PR adds or modifies (searched ${ctx.config.proof.globs.join(', ')}). Commit the proof for this session.`,
            configKey: 'proof.globs',
          },
        ],
        'No PREHANDOVER proof in this PR: commit one for this session',
      );
    }
    const findings: Finding[] = related.map((proof) => relatedProofFinding(proof.path, proof.problem));
    if (!governing.doc) {
      findings.unshift({
        severity: 'failure',
        message: `Proof ${governing.path} ${governing.problem}`,
        file: governing.path,
      });
      return failure(findings);
    }
    // What the parser could not read (broken front matter, lines past a bound) is said on its line.
    findings.push(
      ...governing.doc.warnings.map((warning): Finding => ({
        severity: 'warning',
        message: `${baseName(governing.path)}: ${warning.message}`,
        file: governing.path,
        ...(warning.line !== undefined ? { line: warning.line } : {}),
      })),
    );
    findings.push(...fieldFindings(ctx, governing.path, governing.doc));
    findings.push(...completenessFindings(ctx, governing.path, governing.doc));
    findings.push(...(await tokenFindings(ctx, governing.path, governing.doc.token)));
    findings.push(...(await ctx.evidenceFindings()));
    if (findings.some((f) => f.severity === 'failure')) return failure(findings);
    return success(`${baseName(governing.path)}: complete, ${tokenSummary(governing.doc.token)}`, findings);
  },
};

function relatedProofFinding(path: string, problem: string | undefined): Finding {
  return problem
    ? { severity: 'warning', message: `Related proof ${path} ${problem}`, file: path }
    : { severity: 'notice', message: `Related proof (does not decide): ${path}`, file: path };
}

function fieldFindings(ctx: EvaluationContext, file: string, doc: ProofDocument): Finding[] {
  const findings: Finding[] = [];
  for (const name of ctx.config.proof.required_fields) {
    if (!firstField(doc, name)?.value)
      findings.push(missingFieldFinding(doc, name, file, 'proof.required_fields'));
  }
  const branch = firstField(doc, 'branch');
  const headRef = ctx.facts.headRef;
  if (ctx.config.proof.match_branch && branch?.value && headRef && branchName(branch.value) !== headRef) {
    findings.push({
      severity: 'failure',
      message: `Branch "${branch.value}" does not match the PR head branch "${headRef}": is this the proof for another PR?`,
      file,
      line: branch.line,
      configKey: 'proof.match_branch',
    });
  }
  if (ctx.config.proof.match_branch && branch?.value && !headRef) {
    // An unknown head branch (a detached commit, a squash merge read from history) must not pass or
    // fail silently: say the comparison was not made (SPEC §4.1).
    findings.push({
      severity: 'notice',
      message: `Branch "${branch.value}" was not compared: the PR's head branch is unknown here`,
      file,
      line: branch.line,
      configKey: 'proof.match_branch',
    });
  }
  const date = firstField(doc, 'date');
  if (date?.value && parseProofDate(date.value) === undefined && !findPlaceholder(date.value)) {
    findings.push({
      severity: 'failure',
      message: `Date "${date.value}" is not a date (expected YYYY-MM-DD)`,
      file,
      line: date.line,
    });
  }
  const seen = new Set<string>();
  for (const field of doc.fields) {
    const placeholder = findPlaceholder(field.value);
    if (!placeholder || seen.has(field.key)) continue;
    seen.add(field.key);
    findings.push({
      severity: 'failure',
      message: `Template placeholder left in ${field.rawKey}: "${placeholder}"`,
      file,
      line: field.line,
    });
  }
  return findings;
}

function completenessFindings(ctx: EvaluationContext, file: string, doc: ProofDocument): Finding[] {
  const headings = ctx.config.proof.completeness_headings.map((h) => h.toLowerCase());
  const isCompleteness = (itemHeadings: string[]) =>
    itemHeadings.some((heading) => headings.some((wanted) => heading.toLowerCase().includes(wanted)));
  const findings: Finding[] = [];
  for (const item of doc.checklist) {
    if (!isCompleteness(item.headings)) continue;
    const placeholder = findPlaceholder(item.text);
    if (placeholder) {
      findings.push({
        severity: 'failure',
        message: `Template placeholder left in checklist item: "${placeholder}"`,
        file,
        line: item.line,
      });
    } else if (!item.checked) {
      findings.push({
        severity: 'failure',
        message: `Unchecked completeness item under "${item.headings.at(-1)}": ${item.text}`,
        file,
        line: item.line,
        configKey: 'proof.completeness_headings',
      });
    }
  }
  return findings;
}

async function tokenFindings(
  ctx: EvaluationContext,
  file: string,
  token: TokenOccurrence,
): Promise<Finding[]> {
  const at = { file, line: token.line || undefined, configKey: 'token.pattern' };
  switch (token.kind) {
    case 'PASS':
      return [];
    case 'ADVISORY':
      return [{ severity: 'notice', message: `IAA token ${token.token} is advisory (phase A)`, ...at }];
    case 'PENDING':
      return ctx.config.proof.pending === 'success'
        ? [
            {
              severity: 'warning',
              message: 'IAA token is PENDING (accepted: proof.pending is success)',
              ...at,
              configKey: 'proof.pending',
            },
          ]
        : [
            {
              severity: 'failure',
              message: 'IAA token is PENDING: get the assurance audit done and record its token',
              ...at,
              configKey: 'proof.pending',
            },
          ];
    case 'REJECT':
      return [
        {
          severity: 'failure',
          message: `IAA token ${token.token ?? token.value} is a rejection: fix the findings and get a new audit`,
          ...at,
        },
      ];
    case 'MISSING':
      if (!ctx.config.token.required) {
        return [
          {
            severity: 'notice',
            message: 'No IAA token (not required: token.required is false)',
            ...at,
            configKey: 'token.required',
          },
        ];
      }
      return [
        {
          severity: 'failure',
          message: token.value
            ? `No IAA token in the iaa_audit_token value "${token.value}"`
            : 'No IAA audit token (iaa_audit_token) in the proof: record the assurance token',
          ...at,
        },
      ];
    case 'PATH':
      return pathTokenFindings(ctx, token, at);
  }
}

/** A token given as a path is read at head and judged by what the file holds (SPEC §3). */
async function pathTokenFindings(
  ctx: EvaluationContext,
  token: TokenOccurrence,
  at: Omit<Finding, 'severity' | 'message'>,
): Promise<Finding[]> {
  const path = token.path ?? token.value;
  const content = await ctx.markdownReader.read(path);
  if (content.state !== 'ok') {
    const why =
      content.state === 'absent' ? 'does not exist at the head commit' : `cannot be read: ${content.reason}`;
    return [{ severity: 'failure', message: `IAA token file ${path} ${why}`, ...at }];
  }
  const held = ctx.parse(content.text).token;
  const kind = held.kind === 'MISSING' ? lastTokenIn(content.text, ctx.config.token.pattern) : held.kind;
  if (kind === 'PASS' || kind === 'ADVISORY') return [];
  if (kind === 'PENDING' && ctx.config.proof.pending === 'success') return [];
  return [
    {
      severity: 'failure',
      message: `IAA token file ${path} holds ${kind === 'MISSING' ? 'no token' : `a ${kind} token`}`,
      ...at,
    },
  ];
}

/**
 * The kind of the last token in a token file written as prose rather than as a field, read from
 * the verdict words of the matched text exactly as the parser reads a token field.
 */
function lastTokenIn(text: string, pattern: string): TokenOccurrence['kind'] {
  const last = [...text.slice(0, 200_000).matchAll(new RegExp(pattern, 'g'))].at(-1)?.[0];
  return last === undefined ? 'MISSING' : verdictOf(last);
}

function tokenSummary(token: TokenOccurrence): string {
  if (token.kind === 'PATH') return `token file ${token.path}`;
  return token.token ? `token ${token.token}` : `token ${token.kind}`;
}
