/**
 * SPEC §9.3: the number in the proof's issue field names an issue, not a pull request, and not this
 * pull request. Whether a number is an issue needs the API; a pull request URL or this PR's own
 * number is plain from the text.
 */
import type { IssueReference } from '../../model/evidence.js';
import type { ProofDocument } from '../../model/proof.js';
import { firstField } from '../../proof/parse.js';
import type { CachedLookup } from './lookup.js';
import type { EvidenceFinding } from './types.js';

/** A reference as written, with what the text alone says about it. */
interface WrittenReference extends IssueReference {
  text: string;
  /** Written as a pull request URL (`…/pull/12`). */
  pullUrl: boolean;
}

const URL_REFERENCE = /github\.com\/([\w.-]{1,100}\/[\w.-]{1,100})\/(issues|pull)\/(\d{1,9})/i;
/** `#12`, `repo#12` (same owner) or `owner/repo#12`. */
const HASH_REFERENCE = /(?:\b([\w.-]{1,100}\/)?([\w.-]{1,100}))?#(\d{1,9})\b/g;
/** An issue field is a line; a longer value is prose, and the references are read from its start only. */
const MAX_VALUE = 1000;
/** `PR #12` or `pull request #12` in an issue field is said to be a PR: not a claim that it is an issue. */
const SAID_TO_BE_PR = /\b(?:PRs?|pull requests?|pulls?)\s*:?\s*$/i;

/** Findings for the governing proof's issue field. */
export async function triggeringIssueFindings(
  doc: ProofDocument,
  pullNumber: number | undefined,
  lookup: CachedLookup,
): Promise<EvidenceFinding[]> {
  const field = firstField(doc, 'issue');
  if (!field?.value) return [];
  const reference = referenceIn(field.value.slice(0, MAX_VALUE), lookup.repository);
  if (!reference) return [];
  const at = { line: field.line };
  const ours = reference.repository === undefined || sameRepository(reference.repository, lookup.repository);
  if (ours && pullNumber !== undefined && reference.number === pullNumber) {
    return [
      {
        kind: 'false-claim',
        message: `The triggering issue ${reference.text} is this pull request itself: name the issue it resolves`,
        ...at,
      },
    ];
  }
  if (reference.pullUrl) {
    return [{ kind: 'false-claim', message: pullRequestMessage(reference.text), ...at }];
  }
  const answer = await lookup.issue(reference);
  switch (answer.state) {
    case 'issue':
      return [];
    case 'pull_request':
      return [{ kind: 'false-claim', message: pullRequestMessage(reference.text), ...at }];
    case 'absent':
      return [
        {
          kind: 'false-claim',
          message: `The triggering issue ${reference.text} does not exist${reference.repository ? ` in ${reference.repository}` : ''}`,
          ...at,
        },
      ];
    case 'unavailable':
      return [
        {
          kind: 'not-checked',
          message: `Triggering issue ${reference.text} not looked up: ${answer.reason}`,
          ...at,
        },
      ];
  }
}

function pullRequestMessage(text: string): string {
  return `The triggering issue ${text} is a pull request, not an issue: name the issue the work was for`;
}

/**
 * The first reference in the value that is not explicitly called a PR. `repo#12` names a repository
 * of the same owner (`maturion-isms#1611` in maturion-isms is this repository).
 */
function referenceIn(value: string, ours: string | undefined): WrittenReference | undefined {
  const url = URL_REFERENCE.exec(value);
  if (url) {
    return {
      repository: url[1],
      number: Number(url[3]),
      text: url[0],
      pullUrl: (url[2] ?? '').toLowerCase() === 'pull',
    };
  }
  for (const match of value.matchAll(HASH_REFERENCE)) {
    if (SAID_TO_BE_PR.test(value.slice(0, match.index))) continue;
    const number = Number(match[3]);
    if (!Number.isSafeInteger(number) || number <= 0) continue;
    const repository = repositoryOf(match[1]?.slice(0, -1), match[2], ours);
    return { ...(repository ? { repository } : {}), number, text: match[0], pullUrl: false };
  }
  return undefined;
}

/** `owner/repo` for a written `owner/` and `repo`; undefined for this repository (or an unknown one). */
function repositoryOf(
  owner: string | undefined,
  repo: string | undefined,
  ours: string | undefined,
): string | undefined {
  if (repo === undefined) return undefined;
  if (owner !== undefined) return `${owner}/${repo}`;
  const [ourOwner, ourRepo] = (ours ?? '').split('/');
  if (!ourOwner || !ourRepo || ourRepo.toLowerCase() === repo.toLowerCase()) return undefined;
  return `${ourOwner}/${repo}`;
}

function sameRepository(a: string, b: string | undefined): boolean {
  return b !== undefined && a.toLowerCase() === b.toLowerCase();
}
