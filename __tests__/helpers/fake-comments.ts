/**
 * The issue-comment routes of {@link FakeGitHub} (a PR's conversation comments are issue comments):
 *
 *   GET   /repos/{owner}/{repo}/issues/{n}/comments   oldest first; `per_page` (≤ 100), `page`, Link
 *   POST  /repos/{owner}/{repo}/issues/{n}/comments   201; a body over 65,536 characters gets 422 like GitHub
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}  200; 404 for an id of another repository
 *   DELETE /repos/{owner}/{repo}/issues/comments/{id} 204; likewise 404
 *
 * Comments written through the API are by {@link API_AUTHOR}; `add` seeds others' comments.
 */
import { pageOf } from './fake-http.js';
import { issueCommentJson } from './github-answers.js';

/** GitHub's answer to a longer body: 422 "Body is too long (maximum is 65536 characters)". */
export const COMMENT_MAX_CHARACTERS = 65_536;

/** Who the fake says wrote a comment posted through the API (the `GITHUB_TOKEN`'s identity). */
export const API_AUTHOR = 'github-actions[bot]';

export interface FakeComment {
  id: number;
  /** `owner/repo`. */
  repository: string;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** What the server sends back: status, JSON body, extra headers. */
export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const notFound: FakeAnswer = { status: 404, body: { message: 'Not Found' } };

function validationFailed(message: string, code = 'custom'): FakeAnswer {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', field: 'body', code, message }],
    },
  };
}

export class FakeComments {
  /** Every comment, in the order created. */
  readonly all: FakeComment[] = [];
  private nextId = 1001;

  /** Seeds a comment, e.g. a reviewer's, or an old Merge Gate comment on page 2. */
  add(repository: string, issueNumber: number, body: string, author = 'octocat'): FakeComment {
    const now = new Date().toISOString();
    const comment = {
      id: this.nextId++,
      repository,
      issueNumber,
      body,
      author,
      createdAt: now,
      updatedAt: now,
    };
    this.all.push(comment);
    return comment;
  }

  /** The comments of one PR, oldest first: what its conversation shows. */
  on(repository: string, issueNumber: number): FakeComment[] {
    return this.all.filter((c) => c.repository === repository && c.issueNumber === issueNumber);
  }

  list(url: URL, repository: string, issueNumber: number): FakeAnswer {
    const { items, headers } = pageOf(url, this.on(repository, issueNumber));
    return { status: 200, body: items.map(issueCommentJson), headers };
  }

  create(repository: string, issueNumber: number, input: unknown): FakeAnswer {
    const body = bodyOf(input);
    if (typeof body !== 'string') return body;
    return { status: 201, body: issueCommentJson(this.add(repository, issueNumber, body, API_AUTHOR)) };
  }

  update(repository: string, id: number, input: unknown): FakeAnswer {
    const comment = this.find(repository, id);
    if (!comment) return notFound;
    const body = bodyOf(input);
    if (typeof body !== 'string') return body;
    comment.body = body;
    comment.updatedAt = new Date().toISOString();
    return { status: 200, body: issueCommentJson(comment) };
  }

  remove(repository: string, id: number): FakeAnswer {
    const comment = this.find(repository, id);
    if (!comment) return notFound;
    this.all.splice(this.all.indexOf(comment), 1);
    return { status: 204, body: undefined };
  }

  /**
   * The answer to a comments request: `number` is the PR's for GET and POST, the comment's id for
   * PATCH and DELETE. Comments of a PR the server does not know (`knownPr` false) get 404, as for
   * an issue that does not exist.
   */
  answer(
    method: string,
    url: URL,
    body: unknown,
    repository: string,
    number: number,
    knownPr: boolean,
  ): FakeAnswer {
    if (method === 'PATCH') return this.update(repository, number, body);
    if (method === 'DELETE') return this.remove(repository, number);
    if (!knownPr) return notFound;
    if (method === 'POST') return this.create(repository, number, body);
    return this.list(url, repository, number);
  }

  private find(repository: string, id: number): FakeComment | undefined {
    return this.all.find((c) => c.id === id && c.repository === repository);
  }
}

/** The request's `body`, or the 422 GitHub would answer. */
function bodyOf(input: unknown): string | FakeAnswer {
  const body = (input as { body?: unknown } | undefined)?.body;
  if (typeof body !== 'string' || body === '') return validationFailed('body is missing', 'missing_field');
  if (Array.from(body).length > COMMENT_MAX_CHARACTERS) {
    return validationFailed(`Body is too long (maximum is ${COMMENT_MAX_CHARACTERS} characters)`);
  }
  return body;
}
