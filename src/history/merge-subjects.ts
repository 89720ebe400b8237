/**
 * Recognises the commits GitHub writes when it merges a pull request. Pure, so the patterns are
 * tested on their own.
 */

/** `Merge pull request #12 from owner/feature/x` (a merge commit). */
const MERGE = /^Merge pull request #(\d+) from ([^/\s]+)\/(\S+)/;
/** `Add the widget (#12)` (a squash merge, or a rebase merge's last commit). */
const SQUASH = /^(.*?)\s*\(#(\d+)\)\s*$/;

export type MergeSubject =
  | { kind: 'merge'; number: number; owner: string; branch: string }
  | { kind: 'squash'; number: number; title: string };

/** What a first-parent commit's subject says about the PR it merged, if anything. */
export function parseMergeSubject(subject: string): MergeSubject | undefined {
  const merge = MERGE.exec(subject);
  if (merge) {
    return { kind: 'merge', number: Number(merge[1]), owner: merge[2] ?? '', branch: merge[3] ?? '' };
  }
  const squash = SQUASH.exec(subject);
  if (squash) return { kind: 'squash', number: Number(squash[2]), title: squash[1] ?? '' };
  return undefined;
}

/** GitHub writes the PR title as the first line of a merge commit's body. */
export function titleFromMergeBody(body: string, fallback: string): string {
  const line = body.split('\n').find((l) => l.trim() !== '');
  return line?.trim() ?? fallback;
}
