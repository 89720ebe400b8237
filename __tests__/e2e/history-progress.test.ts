/**
 * The bundled `merge-gate history` (dist/cli, as npm ships it) shows a progress bar on stderr when
 * stderr is a terminal, and prints nothing but the report when it is not. A real pseudo-terminal
 * comes from util-linux `script`. Like the other e2e tests this runs the built dist/, never builds it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { removeTempRepos } from '../helpers/git-repo.js';
import { createHistoryRepo } from '../helpers/history-repo.js';

const CLI = join(process.cwd(), 'dist/cli/index.js');

afterAll(removeTempRepos);

function env(): NodeJS.ProcessEnv {
  const copy = { ...process.env };
  delete copy.NODE_OPTIONS;
  return copy;
}

it('draws the bar on a terminal and stays quiet in a pipe', () => {
  const { repo } = createHistoryRepo({ pulls: 12 });
  const piped = spawnSync(process.execPath, [CLI, 'history', '--repo', repo.dir, '--format', 'json'], {
    encoding: 'utf8',
    env: env(),
  });
  expect(piped.status).toBe(0);
  expect(piped.stderr).toBe('');
  expect(JSON.parse(piped.stdout).pulls).toHaveLength(12);

  // stdout goes to /dev/null inside the terminal session, so what `script` records is stderr's.
  const command = `${process.execPath} ${CLI} history --repo ${repo.dir} --jobs 1 > /dev/null`;
  const terminal = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', env: env() });
  expect(terminal.status).toBe(0);
  expect(terminal.stdout).toContain('Evaluating merged PRs [');
  expect(terminal.stdout).toContain('12/12 100%');
});
