import type { ChangedFile, FileReader, PullRequestFacts } from '../model/facts.js';
import type { Finding } from '../model/results.js';
import type { Config, PathClass } from '../config/types.js';
import { parseOptionsFrom, firstField, type ParseOptions } from '../proof/parse.js';
import { fileClassifier } from './classify.js';
import { boundedReader, loadDocument, type LoadedDocument } from './documents.js';
import { decideExemption } from './exemptions.js';
import { globMatcher } from './globs.js';
import { loadProofs, type ProofSet } from './proofs.js';
import { buildersNamedIn } from './builders.js';
import {
  delegationInAppointment,
  delegationInDocument,
  delegationInOrder,
  type DelegationEvidence,
} from './delegation.js';

export type Role = 'foreman' | 'builder' | 'unresolved';

/** Everything the seven checks share, derived once per evaluation (ARCHITECTURE: evaluate/context). */
export interface EvaluationContext {
  facts: PullRequestFacts;
  config: Config;
  /** Cached, size-bounded reader at the head commit. */
  reader: FileReader;
  /** The same reader with the tighter Markdown bound: use it for anything handed to the proof parser. */
  markdownReader: FileReader;
  parseOptions: ParseOptions;
  labels: ReadonlySet<string>;
  /** Changed files still present at head (added, modified, renamed…), i.e. not removed. */
  present: ChangedFile[];
  classes: Map<string, PathClass>;
  implementationFiles: ChangedFile[];
  proofs: ProofSet;
  /** Changed session memories (SPEC §4.2), each read and parsed only when a check asks for it. */
  memories: ChangedMemories;
  role: Role;
  roleReason: string;
  delegation: DelegationEvidence[];
  overrideLabel?: string;
  exemption?: string;
  /** Findings about the PR as a whole (ignored docs-only label, excluded proofs…). */
  notes: Finding[];
  /** The config file's own path: never scanned for markers (SPEC §4.5). */
  configPath?: string;
}

/**
 * The session memories this PR adds or modifies. Only some are ever needed — the ones the proof
 * names (or, without a reference, the candidates SPEC §8.7 picks) and a foreman's own (delegation
 * evidence, SPEC §4.3) — so each is read on the first `load`, never just for being changed: a
 * memory of another agent (the assurance agent's) costs no request.
 */
export interface ChangedMemories {
  /** Paths of the changed memories still present at head, in the PR's order. */
  paths: string[];
  /** The memory at `path` (one of `paths`), read and parsed once. */
  load(path: string): Promise<LoadedDocument>;
}

function changedMemories(paths: string[], reader: FileReader, options: ParseOptions): ChangedMemories {
  const loaded = new Map<string, Promise<LoadedDocument>>();
  return {
    paths,
    load(path) {
      let memory = loaded.get(path);
      if (!memory) {
        memory = loadDocument(reader, path, options);
        loaded.set(path, memory);
      }
      return memory;
    },
  };
}

/** Builds the shared context: reads proofs, a foreman's memories and delegation artifacts once. */
export async function buildContext(
  facts: PullRequestFacts,
  sourceReader: FileReader,
  config: Config,
  configPath?: string,
): Promise<EvaluationContext> {
  const reader = boundedReader(sourceReader, config.limits.max_file_bytes);
  // Markdown parsing slows down sharply on huge hostile input, so parsed documents get a lower bound.
  const markdownReader = boundedReader(reader, config.limits.max_markdown_bytes, 'limits.max_markdown_bytes');
  const parseOptions = parseOptionsFrom(config);
  const present = facts.changedFiles.filter((file) => file.status !== 'removed');
  const classify = fileClassifier(config.path_classes);
  const classes = new Map(present.map((file) => [file.path, classify(file)]));
  const implementationFiles = present.filter((file) => classes.get(file.path) === 'implementation');
  const isMemory = globMatcher(config.session_memory.globs);
  const isForemanArtifact = globMatcher(config.roles.foreman_artifacts);

  const memories = changedMemories(
    present.filter((f) => isMemory(f.path)).map((f) => f.path),
    markdownReader,
    parseOptions,
  );
  const foremanArtifacts = present.filter((file) => isForemanArtifact(file.path));
  const foremanPaths = new Set(foremanArtifacts.map((f) => f.path));
  // A foreman's memories are delegation evidence whatever the proof says: read them alongside the proofs.
  const [proofs, foremanMemories] = await Promise.all([
    loadProofs(present, markdownReader, config, parseOptions, facts.headRef),
    Promise.all(memories.paths.filter((path) => foremanPaths.has(path)).map((path) => memories.load(path))),
  ]);
  const delegation = await collectDelegation(
    proofs,
    memories.paths,
    foremanMemories,
    foremanArtifacts,
    { files: reader, markdown: markdownReader },
    config,
    parseOptions,
  );
  const { role, roleReason } = decideRole(facts, config, proofs, foremanArtifacts);
  const exemption = decideExemption(facts, config);

  const notes: Finding[] = [...exemption.findings];
  if (proofs.excluded.length > 0) {
    notes.push({
      severity: 'notice',
      message: `Not treated as proofs (template/archive exclusions): ${proofs.excluded.join(', ')}`,
      configKey: 'proof.exclude',
    });
  }
  return {
    facts,
    config,
    reader,
    markdownReader,
    parseOptions,
    labels: new Set(facts.labels),
    present,
    classes,
    implementationFiles,
    proofs,
    memories,
    role,
    roleReason,
    delegation,
    overrideLabel:
      config.override_label && facts.labels.includes(config.override_label)
        ? config.override_label
        : undefined,
    exemption: exemption.reason,
    notes,
    configPath,
  };
}

/**
 * Roles come from the PR's artifacts and exact labels, never from commit authors: every agent
 * commits as the same bot (SPEC §1, §3).
 */
function decideRole(
  facts: PullRequestFacts,
  config: Config,
  proofs: ProofSet,
  foremanArtifacts: ChangedFile[],
): { role: Role; roleReason: string } {
  const agent = proofs.governing?.doc ? firstField(proofs.governing.doc, 'agent')?.value : undefined;
  if (foremanArtifacts.length > 0) {
    return { role: 'foreman', roleReason: `foreman artifact changed: ${foremanArtifacts[0]?.path}` };
  }
  if (agent && new RegExp(config.roles.foreman_agent_pattern, 'i').test(agent)) {
    return { role: 'foreman', roleReason: `proof agent "${agent}" is a foreman` };
  }
  if (config.roles.builder_label && facts.labels.includes(config.roles.builder_label)) {
    return { role: 'builder', roleReason: `label "${config.roles.builder_label}"` };
  }
  if (agent && buildersNamedIn(agent, config.roles.builders).length > 0) {
    return { role: 'builder', roleReason: `proof agent "${agent}" is a builder` };
  }
  return { role: 'unresolved', roleReason: 'no foreman artifact, builder label or proof agent' };
}

async function collectDelegation(
  proofs: ProofSet,
  memoryPathList: string[],
  foremanMemories: LoadedDocument[],
  foremanArtifacts: ChangedFile[],
  readers: { files: FileReader; markdown: FileReader },
  config: Config,
  parseOptions: ParseOptions,
): Promise<DelegationEvidence[]> {
  const evidence: DelegationEvidence[] = [];
  const governing = proofs.governing;
  if (governing?.doc) evidence.push(...delegationInDocument(governing.doc, governing.path, config));
  for (const memory of foremanMemories) {
    if (memory.doc) evidence.push(...delegationInDocument(memory.doc, memory.path, config));
  }
  const memoryPaths = new Set(memoryPathList);
  const proofPaths = new Set(proofs.proofs.map((p) => p.path));
  for (const file of foremanArtifacts) {
    if (memoryPaths.has(file.path) || proofPaths.has(file.path)) continue;
    const content = await readers.files.read(file.path);
    if (content.state !== 'ok') continue;
    if (file.path.endsWith('.json')) {
      const order = delegationInOrder(content.text, file.path);
      if (order) evidence.push(order);
    } else if (file.path.endsWith('.md')) {
      const { doc } = await loadDocument(readers.markdown, file.path, parseOptions);
      const appointment = doc && delegationInAppointment(doc, file.path, config);
      if (appointment) evidence.push(appointment);
    }
  }
  return evidence;
}
