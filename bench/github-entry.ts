/**
 * Entry bundled by `bench/run.mjs` (with ncc, into `.bench-tmp/github/`): the tests' fake GitHub API,
 * temporary git repositories and GitHub's recorded event payloads, so the bench drives the committed
 * bundle as the e2e test does, in the same runner environment; the default config, so the API-cost floor names the same inventory
 * path the action would read; and the generator of merged-PR histories for the `history` section.
 */
export { FakeGitHub, FILES_LIMIT } from '../__tests__/helpers/fake-github.js';
export { createRepo, removeTempRepos } from '../__tests__/helpers/git-repo.js';
export { createHistoryRepo } from '../__tests__/helpers/history-repo.js';
export { runnerEnv } from '../__tests__/helpers/runner-env.js';
export { DEFAULT_CONFIG } from '../src/config/defaults.js';
export { pullRequestPayload, recordedPush } from '../__tests__/helpers/webhook-payloads.js';
