/**
 * The benchmark's pull requests: fixture maturion-isms #743 (its proofs and memory files, as the e2e
 * test serves it) padded with generated, modified TypeScript files up to 10, 300 or 3000 changed
 * files, committed in a temporary git repository. The same repository serves the fake GitHub API
 * (sections 1–3) and the local CLI (section 5).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importEntry, ROOT, walk } from './lib.mjs';

export const SIZES = [10, 300, 3000];
export const HEAD_REF = 'copilot/deploy-ai-gateway-production';
export const PR_NUMBER = 743;
const FIXTURE = join(ROOT, '__fixtures__/prs/maturion-isms-pr-743/head');

export const github = () => importEntry('bench/github-entry.ts', 'github');

/** A small edit, so each generated file has a one-line patch like a typical refactor. */
const generated = (i, version) =>
  `// Generated for the benchmark.\nexport const value${i} = ${i + version};\n`;

const made = new Map();

/** The PR of `size` changed files, built once per process; `removeTempRepos()` deletes its repository. */
export function makePr(size) {
  if (!made.has(size)) made.set(size, buildPr(size));
  return made.get(size);
}

async function buildPr(size) {
  const { createRepo, FakeGitHub } = await github();
  const proofFiles = Object.fromEntries(
    walk(FIXTURE).map((path) => [relative(FIXTURE, path), readFileSync(path)]),
  );
  // The recorded fixture lacks two files its proof says the PR delivered: a workflow it changed
  // (here already on the base branch, so it exists at head) and a task definition it claims as new
  // (here added by the PR). With them the proof is true and the PR passes.
  const workflow = { '.github/workflows/deploy-mat-ai-gateway.yml': 'on: workflow_dispatch\njobs: {}\n' };
  const claimed = { 'apps/mat-ai-gateway/ecs-task-def.json': '{}\n' };
  const count = size - Object.keys(proofFiles).length - Object.keys(claimed).length;
  if (count < 0) throw new Error(`the fixture alone changes more than ${size} files`);
  const files = (version) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`src/gen/file-${i}.ts`, generated(i, version)]),
    );

  const baseTree = { 'README.md': '# base\n', ...workflow, ...files(0) };
  const headTree = { ...baseTree, ...proofFiles, ...claimed, ...files(1) };
  const repo = createRepo({ files: baseTree });
  const baseSha = repo.sha();
  repo.branch(HEAD_REF);
  const headSha = repo.commit('the pull request', headTree);

  // The changed files (with patches) as the fake's own git reader lists them, computed once.
  const scratch = await FakeGitHub.start();
  try {
    const pull = await scratch.servePullRequestFromGit(repo.dir, {
      number: PR_NUMBER,
      headRef: HEAD_REF,
      base: baseSha,
      head: headSha,
    });
    if (pull.files.length !== size)
      throw new Error(`expected ${size} changed files, got ${pull.files.length}`);
    return { size, dir: repo.dir, baseSha, headSha, pull, baseTree, headTree };
  } finally {
    await scratch.close();
  }
}

/**
 * Serves `pr` on a fake: the PR and both trees from memory. Anything else (the base config, a
 * canon inventory) answers 404 at once, as GitHub would for a path the commit does not have.
 */
export function servePr(fake, pr) {
  fake.addPullRequest(pr.pull);
  // What evidence verification looks up: the proof's triggering issue, and a test run on the head.
  fake.evidence.setIssue(fake.repository, 741);
  fake.evidence.setCheckRuns(fake.repository, pr.headSha, ['test']);
  for (const [sha, tree] of [
    [pr.baseSha, pr.baseTree],
    [pr.headSha, pr.headTree],
  ]) {
    for (const [path, content] of Object.entries(tree)) fake.setFile(fake.repository, sha, path, content);
  }
}
