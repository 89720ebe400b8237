import type { Config } from './types.js';

/** Where the action, the CLI and `merge-gate init` look for the config file by default. */
export const DEFAULT_CONFIG_PATH = '.github/merge-gate.yml';

const CODE = '{ts,tsx,js,jsx}';

/** The defaults reproduce SPEC §3–4 and §8; every key of the config file overrides one of these. */
export const DEFAULT_CONFIG: Config = {
  mode: 'enforce',
  context_prefix: '',
  comment: 'never',
  override_label: 'CS sign-off: approved',
  exemptions: {
    authors: ['dependabot[bot]', 'renovate[bot]'],
    head_branches: ['governance-alignment-auto'],
    docs_only_label: 'docs-only',
    docs_globs: ['**/*.md', 'docs/**', '**/*.txt'],
  },
  path_classes: [
    {
      class: 'implementation',
      globs: [
        `{modules,apps,packages}/**/src/**/*.${CODE}`,
        `supabase/functions/**/*.${CODE}`,
        `packages/*/supabase/functions/**/*.${CODE}`,
      ],
    },
    // Only newly added tests are implementation: a foreman may fix an existing test's expectation.
    { class: 'implementation', globs: [`**/*.{test,spec}.${CODE}`], statuses: ['added'] },
    {
      class: 'supervision',
      globs: [
        '**/*.md',
        '**/*.config.{ts,js,json}',
        '**/package.json',
        '**/tsconfig.json',
        '.agent-workspace/**',
        '.agent-admin/**',
        'governance/**',
        '**/02-architecture/**',
        '.github/**',
      ],
    },
    { class: 'governance', globs: ['governance/**', '.github/agents/**', '.agent-admin/**'] },
  ],
  roles: {
    foreman_artifacts: [
      '.agent-workspace/foreman*/memory/{session,PREHANDOVER}-*.md',
      '.agent-admin/control/delegation-orders/pr-*.json',
      '.agent-admin/builder-appointments/*.md',
    ],
    foreman_agent_pattern: 'foreman',
    builder_label: 'copilot-builder-role',
    builders: [
      'api-builder',
      'ui-builder',
      'qa-builder',
      'schema-builder',
      'integration-builder',
      'mat-specialist',
      'pit-specialist',
    ],
  },
  proof: {
    globs: ['**/PREHANDOVER*.md', '**/prehandover/**/*.md', '**/*prehandover*proof*.md'],
    exclude: [
      '**/templates/**',
      '**/knowledge/**',
      '**/*template*.md',
      '**/events/**',
      '**/archive/**',
      '**/*archive*',
      '**/*_PREVIOUS.md',
    ],
    required_fields: ['session_id', 'date', 'agent', 'issue', 'branch'],
    match_branch: true,
    pending: 'failure',
    completeness_headings: ['Bundle Completeness', 'OPOJD Gate'],
  },
  synonyms: {
    session_id: ['Session ID', 'Session', 'session_id'],
    date: ['Date', 'date_utc'],
    agent: ['Agent', 'Agent Version', 'Producing Agent', 'agent_id'],
    issue: ['Triggering Issue', 'Issue', 'issue_reference', 'Issue Reference'],
    branch: ['Branch', 'PR Branch'],
    wave: ['Wave'],
    iaa_audit_token: ['iaa_audit_token', 'IAA Audit Token', 'IAA Token'],
    session_memory: ['Session Memory', 'session_memory', 'Session Memory File', 'memory_file'],
    builders: ['Builder', 'Builders', 'Builders Involved', 'builders_involved'],
    agents_delegated_to: ['agents_delegated_to', 'Agents Delegated To'],
  },
  token: {
    pattern: 'IAA-[A-Za-z0-9._-]+?-(PASS|REJECT(ION|ED)?|FAIL|PENDING|PHASE_A_ADVISORY)',
    heading_pattern: 'IAA',
    required: true,
  },
  session_memory: {
    globs: ['.agent-workspace/*/memory/session-*.md'],
    required_fields: ['session_id', 'date', 'agent'],
  },
  stop_and_fix: {
    test_globs: [`**/*.{test,spec}.${CODE}`, `**/__tests__/**/*.${CODE}`],
    test_patterns: ['.skip(', '.only(', 'xit(', 'xdescribe(', '.todo(', 'expect(true).toBe(true)'],
    marker: 'STOP-AND-FIX',
    marker_exclude: [
      '.agent-workspace/**',
      '.agent-admin/**',
      '.github/**',
      'docs/**',
      'governance/**',
      '**/*.md',
    ],
    failing_statuses: ['❌', 'FAIL', 'OPEN', 'UNRESOLVED'],
  },
  alignment: {
    inventory: 'governance/CANON_INVENTORY.json',
    inventory_required: false,
    sync_state: 'governance/sync_state.json',
    verify_hashes: 'changed',
    governance_paths: ['governance/**', '.github/agents/**', '.agent-admin/**'],
    frozen: ['**/02-architecture/**', '.github/agents/**'],
  },
  evidence: {
    verify: 'enforce',
    test_check_pattern: '\\b(tests?|testing|jest|vitest|mocha|pytest|playwright|cypress|e2e|ci)\\b',
  },
  tests: { allow: [] },
  limits: { max_file_bytes: 5 * 1024 * 1024, max_markdown_bytes: 1024 * 1024 },
};
