/**
 * The list-only baseline of `npm run bench -- e2e`: what dorny/paths-filter does on a pull request,
 * in a few lines of Octokit. It reads the PR, then lists its files 100 a page, each page requested
 * after the previous one arrived (`paginate.iterator`, as paths-filter's `getChangedFilesFromApi`
 * does), and prints how many there are. Same inputs as the action (GITHUB_API_URL,
 * GITHUB_REPOSITORY, GITHUB_EVENT_PATH, INPUT_GITHUB-TOKEN); bundled by bench/list-only.mjs.
 * paths-filter itself runs on `@actions/github`, which also loads undici and `@actions/core`: this
 * baseline starts faster than it does.
 */
import { readFileSync } from 'node:fs';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';

const env = process.env;
const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { number: number };
const octokit = new (Octokit.plugin(paginateRest))({
  auth: env['INPUT_GITHUB-TOKEN'],
  baseUrl: env.GITHUB_API_URL,
});

const { data: pr } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
  owner,
  repo,
  pull_number: event.number,
});
const files: string[] = [];
for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
  owner,
  repo,
  pull_number: pr.number,
  per_page: 100,
})) {
  files.push(...page.data.map((file) => file.filename));
}
console.log(`${files.length} files changed in PR #${pr.number}`);
