/**
 * The workflows of examples/workflows/, byte for byte: the CLI is bundled into one file by ncc and cannot
 * read examples/ at run time. examples/ is the source of truth: edit the example, then paste it here
 * between the backticks, escaping backticks, `${` and backslashes. __tests__/integration/cli-init.test.ts
 * fails while the two differ.
 */

/** examples/workflows/pull-request-target.yml */
export const PULL_REQUEST_TARGET_WORKFLOW = `# Merge Gate on every pull request, including pull requests from forks (the recommended setup).
# Save as .github/workflows/merge-gate.yml on the default branch.
#
# Why pull_request_target is safe here: it runs THIS workflow from the base branch with a token
# that may post commit statuses, even for a fork. That is dangerous only when a job checks out,
# builds or runs the pull request's code. Merge Gate never does: it reads the pull request through
# the API (changed files, proof, session memories at the head commit; its configuration at the
# base commit) and never executes any of it. So: no actions/checkout of the pull request, and no
# other steps in this job.
name: Merge Gate

on:
  pull_request_target:
    # Every activity that can change the verdict; labels matter (override, builder, docs-only).
    types: [opened, synchronize, reopened, edited, labeled, unlabeled, ready_for_review]

permissions:
  statuses: write # post the seven commit statuses
  pull-requests: read # read the pull request, its labels and changed files
  contents: read # read the proof and memories at head, the config at base

jobs:
  gate: # the job name must not be one of the seven context names
    name: Merge Gate run
    runs-on: ubuntu-latest
    steps:
      - uses: OWNER/merge-gate@v1 # replace OWNER with the action's owner
        # with:
        #   config: .github/merge-gate.yml   # read from the base branch
        #   fail-on: error                   # error | failure | never
        #   context-prefix: ''               # e.g. "web" gives web/merge-gate/verdict
        #   comment: never                   # on-failure | always: one PR comment (needs pull-requests: write)
`;

/** examples/workflows/pull-request.yml */
export const PULL_REQUEST_WORKFLOW = `# Merge Gate on pull_request: for repositories whose pull requests all come from branches of the
# same repository. Save as .github/workflows/merge-gate.yml on the default branch.
#
# On a pull request from a fork, GitHub gives this workflow a read-only token whatever the
# permissions below say, so no commit status can be posted and a required check would wait
# forever. Merge Gate then says so once in the log, still writes the job summary and outputs, and
# fails the job when a check failed, so the result is not lost. Also, pull_request runs the
# pull request's OWN copy of this workflow, so a pull request that edits it changes what runs
# (the configuration is still read from the base branch). If you accept forks, or want the base
# branch's workflow to decide, use pull-request-target.yml instead.
name: Merge Gate

on:
  pull_request:
    # Every activity that can change the verdict; labels matter (override, builder, docs-only).
    types: [opened, synchronize, reopened, edited, labeled, unlabeled, ready_for_review]

permissions:
  statuses: write # post the seven commit statuses
  pull-requests: read # read the pull request, its labels and changed files
  contents: read # read the proof and memories at head, the config at base

jobs:
  gate: # the job name must not be one of the seven context names
    name: Merge Gate run
    runs-on: ubuntu-latest
    steps:
      - uses: OWNER/merge-gate@v1 # replace OWNER with the action's owner
`;

/** examples/workflows/merge-queue.yml */
export const MERGE_QUEUE_WORKFLOW = `# Merge Gate for a repository that merges through a merge queue. Save as
# .github/workflows/merge-gate.yml on the default branch, and enable "Require merge queue" in the
# branch ruleset.
#
# pull_request_target: evaluates each pull request, forks included (safe: Merge Gate reads the
# pull request through the API and never checks out or runs its code; add no steps that do).
# merge_group: when a pull request enters the queue, Merge Gate reads its number from the queue
# branch (gh-readonly-queue/<base>/pr-<N>-<sha>), evaluates that pull request again and posts the
# seven statuses on the merge group's commit, which the queue's required checks wait for.
name: Merge Gate

on:
  pull_request_target:
    # Every activity that can change the verdict; labels matter (override, builder, docs-only).
    types: [opened, synchronize, reopened, edited, labeled, unlabeled, ready_for_review]
  merge_group:
    types: [checks_requested]

permissions:
  statuses: write # post the seven commit statuses
  pull-requests: read # read the pull request, its labels and changed files
  contents: read # read the proof and memories at head, the config at base

jobs:
  gate: # the job name must not be one of the seven context names
    name: Merge Gate run
    runs-on: ubuntu-latest
    steps:
      - uses: OWNER/merge-gate@v1 # replace OWNER with the action's owner
`;
