/**
 * The REST methods Merge Gate calls, as `octokit.rest.<scope>.<method>` with `@octokit/rest`'s own
 * types, built the way `@octokit/plugin-rest-endpoint-methods` builds every method
 * (`octokit.request.defaults({ method, url })`, so `octokit.paginate` accepts them too). That
 * plugin's table of ~1,000 routes is 84 KiB of the minified bundle for the few used here
 * (docs/design.md, "The API client"). To call another endpoint, add its route below, copied from
 * the plugin's `generated/endpoints.js`; a test checks every route against that table.
 */
import type { Octokit } from '@octokit/core';
import type { Api } from '@octokit/plugin-rest-endpoint-methods';

type Rest = Api['rest'];

/** The subset of `@octokit/rest`'s `octokit.rest` that the GitHub layer uses. */
export interface RestMethods {
  pulls: Pick<Rest['pulls'], 'get' | 'listFiles' | 'list' | 'listCommits'>;
  repos: Pick<
    Rest['repos'],
    | 'getContent'
    | 'createCommitStatus'
    | 'compareCommitsWithBasehead'
    | 'getCombinedStatusForRef'
    | 'listCommits'
  >;
  issues: Pick<Rest['issues'], 'get' | 'listComments' | 'createComment' | 'updateComment' | 'deleteComment'>;
  checks: Pick<Rest['checks'], 'listForRef'>;
  git: Pick<Rest['git'], 'getTree'>;
}

/** Each method's route, `METHOD /path`, exactly as `@octokit/plugin-rest-endpoint-methods` has it. */
export const ROUTES = {
  pulls: {
    get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    listFiles: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    list: 'GET /repos/{owner}/{repo}/pulls',
    listCommits: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
  },
  repos: {
    getContent: 'GET /repos/{owner}/{repo}/contents/{path}',
    createCommitStatus: 'POST /repos/{owner}/{repo}/statuses/{sha}',
    compareCommitsWithBasehead: 'GET /repos/{owner}/{repo}/compare/{basehead}',
    getCombinedStatusForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/status',
    listCommits: 'GET /repos/{owner}/{repo}/commits',
  },
  checks: {
    listForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
  },
  git: {
    getTree: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
  },
  issues: {
    get: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
    listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    deleteComment: 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
  },
} as const satisfies { [S in keyof RestMethods]: Record<keyof RestMethods[S], string> };

/** Octokit plugin adding `octokit.rest` with the methods above. */
export function restMethods(octokit: Octokit): { rest: RestMethods } {
  const method = (route: string) => {
    const [verb, url] = route.split(' ');
    return octokit.request.defaults({ method: verb, url });
  };
  const scope = <S extends keyof RestMethods>(name: S) =>
    Object.fromEntries(
      Object.entries(ROUTES[name]).map(([methodName, route]) => [methodName, method(route)]),
    ) as unknown as RestMethods[S];
  return {
    rest: {
      pulls: scope('pulls'),
      repos: scope('repos'),
      issues: scope('issues'),
      checks: scope('checks'),
      git: scope('git'),
    },
  };
}
