/**
 * The configurations of examples/config/, byte for byte: the CLI is bundled into one file by ncc and cannot
 * read examples/ at run time. examples/ is the source of truth: edit the example, then paste it here
 * between the backticks, escaping backticks, `${` and backslashes. __tests__/integration/cli-init.test.ts
 * fails while the two differ.
 */

/** examples/config/default.yml */
export const DEFAULT_CONFIG_FILE = `# yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/merge-gate/v1/schema/merge-gate.schema.json
#
# Merge Gate configuration: the default process, every key with its default value.
# Save as .github/merge-gate.yml on the default branch. The action reads it from the pull
# request's BASE branch, so a pull request cannot weaken its own gate. Every key is optional: a
# file holding only the keys you change is enough. Mappings merge key by key over the defaults;
# a list replaces the default list (copy the entries you want to keep). Reference:
# docs/configuration.md. The first line lets editors with the YAML language server validate and
# complete this file (replace OWNER with the action's owner).

# enforce: post the real states; advisory: post success, list the would-be failures in the summary.
mode: enforce

# Prefix for the seven status contexts ("web" gives web/merge-gate/verdict); the action input wins.
context_prefix: ''

# Sticky PR comment with the report: never, on-failure or always (needs pull-requests: write).
comment: never

# Exact label by which a human waives a failing check (the check posts success, naming the label).
override_label: 'CS sign-off: approved'

# Pull requests that pass every check without evaluation.
exemptions:
  authors: # PR author logins, exact
    - dependabot[bot]
    - renovate[bot]
  head_branches: # head branch names, exact
    - governance-alignment-auto
  docs_only_label: docs-only # exempts a PR only when every changed file matches docs_globs
  docs_globs:
    - '**/*.md'
    - docs/**
    - '**/*.txt'

# Ordered rules giving each changed file one class; the first match wins, no match is "other".
path_classes:
  - class: implementation # code only a builder may write
    globs:
      - '{modules,apps,packages}/**/src/**/*.{ts,tsx,js,jsx}'
      - supabase/functions/**/*.{ts,tsx,js,jsx}
      - packages/*/supabase/functions/**/*.{ts,tsx,js,jsx}
  - class: implementation # newly added tests; a modified test falls through to later rules
    globs:
      - '**/*.{test,spec}.{ts,tsx,js,jsx}'
    statuses:
      - added
  - class: supervision # what a foreman may change itself
    globs:
      - '**/*.md'
      - '**/*.config.{ts,js,json}'
      - '**/package.json'
      - '**/tsconfig.json'
      - .agent-workspace/**
      - .agent-admin/**
      - governance/**
      - '**/02-architecture/**'
      - .github/**
  - class: governance
    globs:
      - governance/**
      - .github/agents/**
      - .agent-admin/**

# How a PR's role (foreman, builder or unresolved) is decided, never from the commit author.
roles:
  foreman_artifacts: # adding or modifying one of these makes a foreman PR
    - .agent-workspace/foreman*/memory/{session,PREHANDOVER}-*.md
    - .agent-admin/control/delegation-orders/pr-*.json
    - .agent-admin/builder-appointments/*.md
  foreman_agent_pattern: foreman # regex (case-insensitive) on the proof's agent: a foreman PR
  builder_label: copilot-builder-role # exact label marking a builder PR
  builders: # known builder agents, for the role and for delegation evidence
    - api-builder
    - ui-builder
    - qa-builder
    - schema-builder
    - integration-builder
    - mat-specialist
    - pit-specialist

# Which changed files are PREHANDOVER proofs, and what a complete proof holds.
proof:
  globs: # matched case-insensitively
    - '**/PREHANDOVER*.md'
    - '**/prehandover/**/*.md'
    - '**/*prehandover*proof*.md'
  exclude: # templates and archives are not proofs
    - '**/templates/**'
    - '**/knowledge/**'
    - '**/*template*.md'
    - '**/events/**'
    - '**/archive/**'
    - '**/*archive*'
    - '**/*_PREVIOUS.md'
  required_fields: # canonical names, as in synonyms
    - session_id
    - date
    - agent
    - issue
    - branch
  match_branch: true # the proof's branch must equal the PR head branch
  pending: failure # outcome of a PENDING IAA token: failure, or success with a note
  completeness_headings: # checklists under these headings must be fully checked
    - Bundle Completeness
    - OPOJD Gate

# Canonical field → the keys proofs and session memories write for it (case, spaces and _ ignored).
synonyms:
  session_id: [Session ID, Session, session_id]
  date: [Date, date_utc]
  agent: [Agent, Agent Version, Producing Agent, agent_id]
  issue: [Triggering Issue, Issue, issue_reference, Issue Reference]
  branch: [Branch, PR Branch]
  wave: [Wave]
  iaa_audit_token: [iaa_audit_token, IAA Audit Token, IAA Token]
  session_memory: [Session Memory, session_memory, Session Memory File, memory_file]
  builders: [Builder, Builders, Builders Involved, builders_involved]
  agents_delegated_to: [agents_delegated_to, Agents Delegated To]

# How the independent assurance agent's (IAA) audit token is recognised.
token:
  pattern: 'IAA-[A-Za-z0-9._-]+?-(PASS|REJECT(ION|ED)?|FAIL|PENDING|PHASE_A_ADVISORY)'
  heading_pattern: IAA # regex (case-insensitive) for headings holding the authoritative token
  required: true # false: a proof without a token passes (no IAA); a written token is still judged

# Session memory files a PR with a proof (or a foreman PR) must add or modify.
session_memory:
  globs:
    - .agent-workspace/*/memory/session-*.md
  required_fields:
    - session_id
    - date
    - agent

# What counts as left unfixed.
stop_and_fix:
  test_globs: # added lines of these are scanned for test_patterns
    - '**/*.{test,spec}.{ts,tsx,js,jsx}'
    - '**/__tests__/**/*.{ts,tsx,js,jsx}'
  test_patterns: # literal code fragments, matched outside comments and strings
    - .skip(
    - .only(
    - xit(
    - xdescribe(
    - .todo(
    - expect(true).toBe(true)
  marker: STOP-AND-FIX # must not be added to a changed non-Markdown file
  marker_exclude: # files never scanned for the marker
    - .agent-workspace/**
    - .agent-admin/**
    - .github/**
    - docs/**
    - governance/**
    - '**/*.md'
  failing_statuses: # a findings/audit table cell equal to or starting with one of these fails
    - ❌
    - FAIL
    - OPEN
    - UNRESOLVED

# Governance and canon alignment.
alignment:
  inventory: governance/CANON_INVENTORY.json # the canon inventory
  inventory_required: false # true: a repository without the inventory is an error
  sync_state: governance/sync_state.json # must stay valid JSON
  verify_hashes: changed # changed: canon files/entries this PR changes; all: every entry; off
  governance_paths: # changing one of these makes the check apply
    - governance/**
    - .github/agents/**
    - .agent-admin/**
  frozen: # may change only with the override label
    - '**/02-architecture/**'
    - .github/agents/**

# Test evidence in the proof.
tests:
  allow: [] # qualifiers that waive a not-green item, e.g. EXPECTED RED

# Resource limits.
limits:
  max_file_bytes: 5242880 # larger files are not parsed; a finding says so
  max_markdown_bytes: 1048576 # larger proofs / memories are not parsed (Markdown parsing is slow on huge input)
`;

/** examples/config/minimal.yml */
export const MINIMAL_CONFIG_FILE = `# yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/merge-gate/v1/schema/merge-gate.schema.json
#
# Merge Gate for a team of ONE agent, with no foreman/builder split and no independent assurance
# agent (IAA). Save as .github/merge-gate.yml on the default branch. Every key not set here keeps
# its default (see default.yml): the agent still commits a PREHANDOVER proof (session id, date,
# agent, issue, branch) and its session memory, and nothing may be left unfixed.

roles:
  # The one agent. A proof whose agent field names it makes the PR a builder PR, so the agent may
  # change implementation files itself: foreman-implementation-check and builder-involvement-check
  # pass. Replace dev-agent with your agent's name, as its proofs write it.
  builders: [dev-agent]
  # No foreman: no file and no agent name makes a PR a foreman PR ('^$' matches no agent name).
  foreman_artifacts: []
  foreman_agent_pattern: '^$'

token:
  # No IAA audits the handover, so a proof needs no iaa_audit_token line: without one it passes with
  # a notice. A token that is written is still judged: REJECT fails, and so does PENDING unless
  # proof.pending is success.
  required: false
`;
