import { RestOctokit } from '../../../src/github/client.js';
import { reportMarker } from '../../../src/action/comment.js';
import { MissingPermissionError } from '../../../src/github/errors.js';
import {
  MAX_COMMENT_BODY,
  commentBody,
  upsertStickyComment,
  type StickyCommentRequest,
} from '../../../src/github/pr-comment.js';
import { API_AUTHOR, COMMENT_MAX_CHARACTERS } from '../../helpers/fake-comments.js';
import { FakeGitHub } from '../../helpers/fake-github.js';

const REPO = 'octo/repo';
const PR = 7;
const MARKER = reportMarker('');
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start();
  github.addPullRequest({
    number: PR,
    headRef: 'feature',
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    files: [],
  });
});
afterEach(() => github.close());

/**
 * A plain client: the action's (createClient) adds the throttling plugin, whose process-wide limiter
 * spaces comment writes 3 s apart. That is one write per run in production, but seconds per test
 * here; the integration suite runs the real client.
 */
function upsert(body: string, options: Partial<StickyCommentRequest> = {}) {
  const octokit = new RestOctokit({ auth: 't', baseUrl: github.url });
  return upsertStickyComment(octokit, {
    owner: 'octo',
    repo: 'repo',
    issueNumber: PR,
    marker: MARKER,
    body,
    ...options,
  });
}
const conversation = () => github.comments.on(REPO, PR);
const methods = () => github.requests.filter((r) => r.route === 'comments').map((r) => r.method);

describe('upsertStickyComment', () => {
  it('creates the comment, marker first, when the PR has none', async () => {
    const result = await upsert('## Merge Gate: blocked');
    expect(result).toMatchObject({ action: 'created', url: expect.stringContaining('#issuecomment-') });
    expect(conversation()).toEqual([
      expect.objectContaining({ body: `${MARKER}\n## Merge Gate: blocked`, author: API_AUTHOR }),
    ]);
    expect(methods()).toEqual(['GET', 'POST']);
  });

  it('updates the same comment in place on the next run: one comment, body replaced', async () => {
    const first = await upsert('run 1: blocked');
    const second = await upsert('run 2: may merge');
    expect(second).toEqual({ action: 'updated', id: (first as { id: number }).id, url: expect.any(String) });
    expect(conversation().map((c) => c.body)).toEqual([`${MARKER}\nrun 2: may merge`]);
    expect(methods()).toEqual(['GET', 'POST', 'GET', 'PATCH']);
  });

  it("leaves other people's comments and another gate's comment alone", async () => {
    github.comments.add(REPO, PR, 'Looks good to me');
    github.comments.add(REPO, PR, `${reportMarker('web')}\nthe web gate's report`, API_AUTHOR);
    github.comments.add(REPO, PR + 1, `${MARKER}\nthe report of another PR`, API_AUTHOR);
    await upsert('this gate');
    await upsert('this gate, again');
    expect(conversation().map((c) => c.body)).toEqual([
      'Looks good to me',
      `${reportMarker('web')}\nthe web gate's report`,
      `${MARKER}\nthis gate, again`,
    ]);
    expect(github.comments.on(REPO, PR + 1).map((c) => c.body)).toEqual([
      `${MARKER}\nthe report of another PR`,
    ]);
  });

  it('keeps the markers of two prefixes apart (neither contains the other)', () => {
    const markers = ['', 'web', 'web/', 'api', 'a-->b'].map(reportMarker);
    expect(markers[1]).toBe(markers[2]); // `web/` names the same contexts as `web`
    const distinct = [markers[0], markers[1], markers[3], markers[4]] as string[];
    for (const a of distinct) for (const b of distinct) if (a !== b) expect(a.includes(b)).toBe(false);
    expect(markers[4]).toMatch(/^<!-- [^>]*-->$/); // a prefix cannot close the HTML comment early
  });

  it('does not take a comment that only quotes the marker for its own', async () => {
    github.comments.add(REPO, PR, `The bot wrote ${MARKER} at the top of its comment`);
    expect(await upsert('report')).toMatchObject({ action: 'created' });
    expect(conversation().map((c) => c.body)).toEqual([
      `The bot wrote ${MARKER} at the top of its comment`,
      `${MARKER}\nreport`,
    ]);
  });

  it('finds its comment on the second page of a long conversation', async () => {
    for (let i = 0; i < 130; i++) github.comments.add(REPO, PR, `comment ${i}`);
    const ours = github.comments.add(REPO, PR, `${MARKER}\nold report`, API_AUTHOR);
    const result = await upsert('new report');
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    expect(conversation()).toHaveLength(131);
    const lists = github.requests.filter((r) => r.route === 'comments' && r.method === 'GET');
    expect(lists.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2']);
    expect(lists.every((r) => r.query.get('per_page') === '100')).toBe(true);
  });

  it("keeps the oldest of two comments left by simultaneous runs and removes the other, not a stranger's", async () => {
    const kept = github.comments.add(REPO, PR, `${MARKER}\nrun A`, API_AUTHOR);
    github.comments.add(REPO, PR, 'a review comment');
    github.comments.add(REPO, PR, `${MARKER}\nrun B`, API_AUTHOR);
    github.comments.add(REPO, PR, `quoting the bot: ${MARKER}`, 'octocat');
    expect(await upsert('run C')).toMatchObject({ action: 'updated', id: kept.id });
    expect(conversation().map((c) => [c.id === kept.id, c.body])).toEqual([
      [true, `${MARKER}\nrun C`],
      [false, 'a review comment'],
      [false, `quoting the bot: ${MARKER}`],
    ]);
    expect(methods()).toEqual(['GET', 'PATCH', 'DELETE']);
  });

  it('with createIfMissing false, updates an existing comment but never creates one', async () => {
    expect(await upsert('passing', { createIfMissing: false })).toEqual({ action: 'none' });
    expect(conversation()).toEqual([]);
    github.comments.add(REPO, PR, `${MARKER}\nblocked`, API_AUTHOR);
    expect(await upsert('passing', { createIfMissing: false })).toMatchObject({ action: 'updated' });
    expect(conversation().map((c) => c.body)).toEqual([`${MARKER}\npassing`]);
  });

  it('clips a body over the limit, keeping the marker and adding the note, and GitHub accepts it', async () => {
    const row = '| ✅ | `merge-gate/verdict` | a description that is long enough to matter |\n';
    const report = row.repeat(Math.ceil((2 * MAX_COMMENT_BODY) / bytes(row)));
    const note = '_Cut here: see the [job summary](https://github.com/octo/repo/actions/runs/1)._';
    await upsert(report, { clippedNote: note });
    const [posted] = conversation();
    const body = posted?.body ?? '';
    expect(bytes(body)).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(Array.from(body).length).toBeLessThanOrEqual(COMMENT_MAX_CHARACTERS);
    expect(body.startsWith(`${MARKER}\n| ✅ |`)).toBe(true);
    expect(body.endsWith(`\n\n---\n\n${note}\n`)).toBe(true);
    // Cut at a line break: no half table row before the note.
    expect(body.slice(0, body.indexOf('\n\n---\n\n')).split('\n').at(-1)).toBe(row.trimEnd());
  });

  it('clips by UTF-8 bytes at a code point boundary when there is no line break to cut at', () => {
    const body = commentBody(MARKER, '😀'.repeat(MAX_COMMENT_BODY));
    expect(bytes(body)).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(bytes(body)).toBeGreaterThan(MAX_COMMENT_BODY - 200);
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('leaves a body that fits as it is', () => {
    const report = 'x'.repeat(MAX_COMMENT_BODY - MARKER.length - 1);
    expect(commentBody(MARKER, report)).toBe(`${MARKER}\n${report}`);
  });

  it('says which request failed, as a MissingPermissionError on HTTP 403', async () => {
    github.inject('comments', {
      kind: 'status',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const failure = upsert('report');
    await expect(failure).rejects.toBeInstanceOf(MissingPermissionError);
    await expect(failure).rejects.toThrow(/listing the comments on PR #7: HTTP 403: Resource not accessible/);
  });

  it('names the write that failed when the list worked', async () => {
    github.inject('comments', { kind: 'status', status: 422, body: { message: 'Validation Failed' } }, 1, 1);
    await expect(upsert('report')).rejects.toThrow(/commenting on PR #7: HTTP 422/);
    expect(conversation()).toEqual([]);
  });
});
