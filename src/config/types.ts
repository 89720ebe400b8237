/**
 * The validated configuration, every key filled in (defaults merged).
 * The JSON Schema in `schema/merge-gate.schema.json` is the source of truth for the file format;
 * this type mirrors it in snake_case, as users write it.
 */

export type PathClass = 'implementation' | 'supervision' | 'governance' | 'other';

export interface PathClassRule {
  class: PathClass;
  globs: string[];
  /** When set, the rule applies only to files with one of these change statuses (e.g. newly added tests). */
  statuses?: ('added' | 'modified' | 'removed' | 'renamed')[];
}

export interface Config {
  /** `enforce` posts real states; `advisory` posts success with an `advisory:` description (SPEC §8.13). */
  mode: 'enforce' | 'advisory';
  /** Prefix for the seven commit-status contexts (the `context-prefix` input overrides it). */
  context_prefix: string;
  /** When the action keeps its sticky PR comment (the `comment` input overrides it). */
  comment: 'never' | 'on-failure' | 'always';
  /** Exact label that waives a failing check (SPEC §3). */
  override_label: string;
  exemptions: {
    authors: string[];
    head_branches: string[];
    docs_only_label: string;
    docs_globs: string[];
  };
  /** Ordered; first match wins; a file matching none is `other` (SPEC §3). */
  path_classes: PathClassRule[];
  roles: {
    foreman_artifacts: string[];
    /** Regex (case-insensitive) that marks the proof's agent as a foreman. */
    foreman_agent_pattern: string;
    builder_label: string;
    builders: string[];
  };
  proof: {
    globs: string[];
    exclude: string[];
    required_fields: string[];
    match_branch: boolean;
    /** Outcome of an authoritative PENDING token. */
    pending: 'failure' | 'success';
    completeness_headings: string[];
  };
  /** Canonical field name → keys (as written) that mean it; matched after normalisation. */
  synonyms: Record<string, string[]>;
  token: {
    pattern: string;
    /** Headings (case-insensitive regex) whose sections hold the authoritative token. */
    heading_pattern: string;
    /** false: a proof without a token passes (no IAA); a token that is present is still judged. */
    required: boolean;
  };
  session_memory: {
    globs: string[];
    required_fields: string[];
  };
  stop_and_fix: {
    test_globs: string[];
    /** Literal code fragments that mark skipped, focused or placeholder tests. */
    test_patterns: string[];
    marker: string;
    marker_exclude: string[];
    failing_statuses: string[];
  };
  alignment: {
    inventory: string;
    inventory_required: boolean;
    sync_state: string;
    verify_hashes: 'changed' | 'all' | 'off';
    governance_paths: string[];
    frozen: string[];
  };
  /** Claims in the proof verified against the PR itself (SPEC §9). */
  evidence: {
    /** `enforce`: a false claim fails `prehandover-proof-check`; `warn`: a warning; `off`: not verified. */
    verify: 'enforce' | 'warn' | 'off';
    /** Regex (case-insensitive) naming the check runs and statuses that run tests (SPEC §9.4). */
    test_check_pattern: string;
  };
  tests: {
    /** Qualifiers that waive a not-green test evidence item (e.g. `EXPECTED RED`). */
    allow: string[];
  };
  limits: {
    /** Files larger than this are not parsed; a finding says so. */
    max_file_bytes: number;
    /** Markdown documents (proofs, memories, token files) larger than this are not parsed. */
    max_markdown_bytes: number;
  };
}
