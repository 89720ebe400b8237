import type { ChangedFile, FileReader, PullRequestFacts } from '../model/facts.js';
import type { Finding } from '../model/results.js';
import type { Config, PathClass } from '../config/types.js';
import type { EvidenceLookup } from '../model/evidence.js';
import { CachedLookup } from './evidence/lookup.js';
import { parseOptionsFrom, firstField } from '../proof/parse.js';
import { plainParser, type DocumentMemo, type DocumentParser } from './document-memo.js';
import { fileClassifier } from './classify.js';
import { boundedReader, loadDocument, type LoadedDocument } from './documents.js';
import { servedReader, UnavailableFileError, type ServedReader } from './served.js';
import { decideExemption } from './exemptions.js';
import { globMatcher } from './globs.js';
import { isSyntaxChecked } from './syntax.js';
import { changedMemories, type ChangedMemories } from './changed-memories.js';
import { loadProofs, type ProofSet } from './proofs.js';
import { evidenceFindings } from './evidence/index.js';
import { buildersNamedIn } from './builders.js';
import {
  delegationInAppointment,
  delegationInDocument,
  delegationInOrder,
  type DelegationEvidence,
} from './delegation.js';

export type Role = 'foreman' | 'builder' | 'unresolved';

/** Where the checks read files (what a source offers). */
export interface SourceReaders {
  /** Files at the head commit. */
  head: FileReader;
  /**
   * Files at the merge base, the side the changed files' patches compare against: where a patch
   * is missing, added lines are computed from both sides (SPEC §8.14). Undefined when the source
   * has none (a recorded fixture): added lines without a patch are then unknown, and said so.
   */
  mergeBase?: FileReader;
}

/** What the context derives from files read up front: the checks that use one need its files served. */
export type ContextPart = 'proofs' | 'memories' | 'artifacts';

/** Everything the seven checks share, derived once per evaluation (ARCHITECTURE: evaluate/context). */
export interface EvaluationContext {
  facts: PullRequestFacts;
  config: Config;
  /**
   * Cached, size-bounded reader at the head commit. It throws `UnavailableFileError` for a file the
   * source could not serve (a changed file reading as absent included), so a check that needs such
   * a file ends in `error` naming it (SPEC §2).
   */
  reader: ServedReader;
  /** The same reader with the tighter Markdown bound: use it for anything handed to the proof parser. */
  markdownReader: ServedReader;
  /** The same at the merge base (throws likewise); undefined when the source has no base side. */
  mergeBaseReader?: ServedReader;
  /** Parses Markdown under this config (shared across evaluations when the caller keeps a memo). */
  parse: DocumentParser;
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
  /** Files read up front that the source could not serve, by what depends on them (see `requireServed`). */
  unavailable: Record<ContextPart, UnavailableFileError[]>;
  /** The source's lookups for verifying the proof's claims (SPEC §9), each made at most once. */
  evidence: CachedLookup;
  /**
   * The evidence findings (`evidenceFindings`), computed once. They are started as soon as the
   * proofs are read when the proof check will ask for them (the proofs served and a governing proof
   * read), so their lookups share a round trip with the memories' parsing and the other checks.
   */
  evidenceFindings(): Promise<Finding[]>;
}

/**
 * Throws, naming the files, when a part of the context that a check is about to use was derived
 * without a file the source could not serve: the check then ends in `error` (SPEC §2).
 */
export function requireServed(ctx: EvaluationContext, ...parts: ContextPart[]): void {
  const error = UnavailableFileError.merge(parts.flatMap((part) => ctx.unavailable[part]));
  if (error) throw error;
}

/** The files a reader at each side must find: a changed file reading as absent was not served. */
function mustExist(files: readonly ChangedFile[]): { head: Set<string>; mergeBase: Set<string> } {
  const head = new Set<string>();
  const mergeBase = new Set<string>();
  for (const file of files) {
    if (file.status === 'removed' || file.status === 'unchanged') continue;
    head.add(file.path);
    if (file.status === 'added') continue;
    mergeBase.add(file.previousPath ?? file.path);
  }
  return { head, mergeBase };
}

/** Builds the shared context: reads proofs, a foreman's memories and delegation artifacts once. */
export async function buildContext(
  facts: PullRequestFacts,
  sources: SourceReaders,
  config: Config,
  configPath?: string,
  memo?: DocumentMemo,
  evidence?: EvidenceLookup | CachedLookup,
): Promise<EvaluationContext> {
  const expected = mustExist(facts.changedFiles);
  const maxBytes = config.limits.max_file_bytes;
  const reader = boundedReader(servedReader(sources.head, expected.head, 'head'), maxBytes);
  // Markdown parsing slows down sharply on huge hostile input, so parsed documents get a lower bound.
  const markdownReader = boundedReader(reader, config.limits.max_markdown_bytes, 'limits.max_markdown_bytes');
  const mergeBaseReader =
    sources.mergeBase &&
    boundedReader(servedReader(sources.mergeBase, expected.mergeBase, 'merge base'), maxBytes);
  const parse = memo?.parser(config) ?? plainParser(parseOptionsFrom(config));
  const present = facts.changedFiles.filter((file) => file.status !== 'removed');
  const isMemory = globMatcher(config.session_memory.globs);
  const isForemanArtifact = globMatcher(config.roles.foreman_artifacts);

  const memories = changedMemories(
    present.filter((f) => isMemory(f.path)).map((f) => f.path),
    markdownReader,
    parse,
  );
  const foremanArtifacts = present.filter((file) => isForemanArtifact(file.path));
  const foremanPaths = new Set(foremanArtifacts.map((f) => f.path));
  // The verdict's syntax check reads every changed YAML and JSON file, whatever the proofs say:
  // asked for now (the reader keeps each answer), they share the proofs' round trip to the API.
  for (const file of present) if (isSyntaxChecked(file.path)) reader.read(file.path).catch(() => undefined);
  const lookup = evidence instanceof CachedLookup ? evidence : new CachedLookup(evidence);
  const proofsRead = loadProofs(present, markdownReader, config, parse, facts.headRef);
  // The proof's claims are looked up as soon as the proofs are read (`EvaluationContext.evidenceFindings`).
  let claims: Promise<Finding[]> | undefined;
  const checkClaims = (proofs: ProofSet) =>
    (claims ??= evidenceFindings({ config, facts, proofs, reader, evidence: lookup }));
  void proofsRead.then(
    (proofs) => {
      if (unservedOf(proofs.proofs).length > 0 || !proofs.governing?.doc) return;
      checkClaims(proofs).catch(() => undefined); // awaited by the proof check, which reports a failure
    },
    () => undefined,
  );
  // A foreman's memories are delegation evidence whatever the proof says: read them alongside the proofs.
  const reads = Promise.all([
    proofsRead,
    Promise.all(memories.paths.filter((path) => foremanPaths.has(path)).map((path) => memories.load(path))),
  ]);
  reads.catch(() => undefined); // awaited below; a classifier that throws must not leave it unhandled
  // Classified while those reads are answered: on a 3000-file PR it takes milliseconds that the
  // reads, on the run's critical path, should not wait behind.
  const classify = fileClassifier(config.path_classes);
  const classes = new Map(present.map((file) => [file.path, classify(file)]));
  const implementationFiles = present.filter((file) => classes.get(file.path) === 'implementation');
  const [proofs, foremanMemories] = await reads;
  // Memories read later, when a check asks for one, report an unserved file themselves (`load`).
  const unavailable: Record<ContextPart, UnavailableFileError[]> = {
    proofs: unservedOf(proofs.proofs),
    memories: unservedOf(foremanMemories),
    artifacts: [],
  };
  const delegation = await collectDelegation(
    proofs,
    memories.paths,
    foremanMemories,
    foremanArtifacts,
    { files: reader, markdown: markdownReader },
    config,
    parse,
    unavailable.artifacts,
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
    mergeBaseReader,
    parse,
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
    unavailable,
    // A lookup already cached is shared with another evaluation of the same PR (history --config).
    evidence: lookup,
    evidenceFindings: () => checkClaims(proofs),
  };
}

function unservedOf(documents: readonly LoadedDocument[]): UnavailableFileError[] {
  return documents.flatMap((d) => (d.unavailable ? [d.unavailable] : []));
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
  readers: { files: ServedReader; markdown: ServedReader },
  config: Config,
  parse: DocumentParser,
  unavailable: UnavailableFileError[],
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
    if (file.path.endsWith('.json')) {
      const content = await readers.files.read(file.path).catch((error: unknown) => {
        if (!(error instanceof UnavailableFileError)) throw error;
        unavailable.push(error);
        return undefined;
      });
      const order = content?.state === 'ok' ? delegationInOrder(content.text, file.path) : undefined;
      if (order) evidence.push(order);
    } else if (file.path.endsWith('.md')) {
      const loaded = await loadDocument(readers.markdown, file.path, parse);
      if (loaded.unavailable) unavailable.push(loaded.unavailable);
      const appointment = loaded.doc && delegationInAppointment(loaded.doc, file.path, config);
      if (appointment) evidence.push(appointment);
    }
  }
  return evidence;
}
