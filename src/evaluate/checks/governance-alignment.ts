import type { ChangedFile } from '../../model/facts.js';
import type { Finding } from '../../model/results.js';
import type { EvaluationContext } from '../context.js';
import { addedLines } from '../diff.js';
import { globMatcher } from '../globs.js';
import { inventoryShapeProblems, type CanonEntry, type CanonInventory } from '../inventory.js';
import { checkJsonSyntax } from '../syntax.js';
import { fileSha256 } from '../file-hash.js';
import { failure, listSome, success, type CheckDefinition } from './check.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** `governance/alignment`: canon and governance stay aligned (SPEC §4.6, §8.11). */
export const governanceAlignmentCheck: CheckDefinition = {
  id: 'governance/alignment',
  summary:
    'When governance paths, the canon inventory or frozen paths change: the inventory is valid and its hashes match, and frozen paths are untouched.',
  configKeys: [
    'alignment.inventory',
    'alignment.inventory_required',
    'alignment.sync_state',
    'alignment.verify_hashes',
    'alignment.governance_paths',
    'alignment.frozen',
  ],
  async run(ctx) {
    const cfg = ctx.config.alignment;
    // "Governance path" is decided by its own glob list, not by the file's first-match class (SPEC §8.11).
    const isGovernance = globMatcher(cfg.governance_paths);
    const isFrozen = globMatcher(cfg.frozen);
    const changed = ctx.facts.changedFiles;
    const frozen = changed.filter(
      (f) => isFrozen(f.path) || (f.previousPath !== undefined && isFrozen(f.previousPath)),
    );
    const applies =
      frozen.length > 0 || changed.some((f) => isGovernance(f.path) || f.path === cfg.inventory);
    if (!applies) return success('Not applicable: no governance, inventory or frozen path changed');

    const findings: Finding[] = frozen.map((f) => ({
      severity: 'failure' as const,
      message: `Frozen path changed: ${f.path} (needs the "${ctx.config.override_label}" label)`,
      file: f.path,
      configKey: 'alignment.frozen',
    }));
    const inventory = await inventoryFindings(ctx, findings);
    findings.push(...(await syncStateFindings(ctx)));
    if (inventory === 'error') {
      return {
        state: 'error',
        description: `Canon inventory ${cfg.inventory} is required but absent (alignment.inventory_required)`,
        findings,
      };
    }
    if (findings.some((f) => f.severity === 'failure')) return failure(findings);
    return success(
      inventory === 'absent'
        ? `Aligned; no canon inventory at ${cfg.inventory} (note)`
        : 'Governance aligned: inventory valid, hashes match',
      findings,
    );
  },
};

async function inventoryFindings(
  ctx: EvaluationContext,
  findings: Finding[],
): Promise<'ok' | 'absent' | 'error'> {
  const cfg = ctx.config.alignment;
  const file = cfg.inventory;
  const content = await ctx.reader.read(file);
  if (content.state === 'absent') {
    findings.push({
      severity: 'notice',
      message: `No canon inventory at ${file}`,
      configKey: 'alignment.inventory',
    });
    return cfg.inventory_required ? 'error' : 'absent';
  }
  if (content.state === 'unreadable') {
    findings.push({
      severity: 'failure',
      message: `Canon inventory ${file} cannot be read: ${content.reason}`,
      file,
    });
    return 'ok';
  }
  const syntax = checkJsonSyntax(content.text);
  if (syntax) {
    findings.push({
      severity: 'failure',
      message: `Canon inventory is not valid JSON: ${syntax.message}`,
      file,
      line: syntax.line,
    });
    return 'ok';
  }
  const data: unknown = JSON.parse(content.text);
  const shape = inventoryShapeProblems(data);
  if (shape.length > 0) {
    findings.push(
      ...shape.map((message) => ({
        severity: 'failure' as const,
        message: `Canon inventory: ${message}`,
        file,
      })),
    );
    return 'ok';
  }
  const inventory = data as CanonInventory;
  if (inventory.total_canons !== undefined && inventory.total_canons !== inventory.canons.length) {
    findings.push({
      severity: 'failure',
      message: `total_canons is ${inventory.total_canons} but the inventory lists ${inventory.canons.length} canons`,
      file,
    });
  }
  const badHashes = inventory.canons.filter((entry) => !isRealHash(entry.file_hash_sha256));
  if (badHashes.length > 0) {
    findings.push({
      severity: 'failure',
      message: `${badHashes.length} canon hash(es) are not 64 lowercase hex or are placeholders: ${listSome(badHashes.map(entryName))}`,
      file,
    });
  }
  if (cfg.verify_hashes !== 'off') findings.push(...(await hashMismatches(ctx, inventory)));
  return 'ok';
}

/** Verifies the entries this PR touched (`changed`) or all of them (`all`) against the files at head. */
async function hashMismatches(ctx: EvaluationContext, inventory: CanonInventory): Promise<Finding[]> {
  const cfg = ctx.config.alignment;
  const changedPaths = new Set(ctx.present.map((f) => f.path));
  const inventoryFile = ctx.facts.changedFiles.find((f) => f.path === cfg.inventory);
  const touchedHashes = inventoryFile ? await addedHashes(inventoryFile, ctx) : new Set<string>();
  const entries = inventory.canons.filter(
    (entry) =>
      isRealHash(entry.file_hash_sha256) &&
      (cfg.verify_hashes === 'all' ||
        changedPaths.has(entryPath(entry)) ||
        touchedHashes === 'all' ||
        touchedHashes.has(entry.file_hash_sha256 as string)),
  );
  const results = await Promise.all(
    entries.map(async (entry): Promise<Finding | undefined> => {
      const path = entryPath(entry);
      const content = await ctx.reader.read(path);
      if (content.state !== 'ok') {
        const why =
          content.state === 'absent' ? 'does not exist at head' : `cannot be read (${content.reason})`;
        return {
          severity: 'failure',
          message: `Canon ${path} listed in the inventory ${why}`,
          file: cfg.inventory,
          configKey: 'alignment.verify_hashes',
        };
      }
      const actual = fileSha256(content);
      const expected = entry.file_hash_sha256 as string;
      const short = entry.file_hash && entry.file_hash.length === 64 ? entry.file_hash : undefined;
      if (actual === expected && (!short || short === actual)) return undefined;
      return {
        severity: 'failure',
        message: `Canon ${path} has SHA-256 ${actual.slice(0, 12)}… at head but the inventory says ${expected.slice(0, 12)}…: update the inventory entry`,
        file: path,
        configKey: 'alignment.verify_hashes',
      };
    }),
  );
  return results.filter((f): f is Finding => f !== undefined);
}

/**
 * Hashes on lines this PR added to the inventory, from its patch or, without one, from the
 * inventory at the merge base and at head (SPEC §8.14); `all` when the whole inventory is new or
 * its added lines are unknown (a source without a merge base).
 */
async function addedHashes(file: ChangedFile, ctx: EvaluationContext): Promise<Set<string> | 'all'> {
  if (file.status === 'added') return 'all';
  const diff = await addedLines(file, { head: ctx.reader, mergeBase: ctx.mergeBaseReader });
  if ('unknown' in diff) return 'all';
  return new Set(diff.lines.flatMap((l) => l.text.match(/[0-9a-f]{64}/g) ?? []));
}

async function syncStateFindings(ctx: EvaluationContext): Promise<Finding[]> {
  const file = ctx.config.alignment.sync_state;
  const content = await ctx.reader.read(file);
  if (content.state !== 'ok') return [];
  const syntax = checkJsonSyntax(content.text);
  return syntax
    ? [
        {
          severity: 'failure',
          message: `${file} is not valid JSON: ${syntax.message}`,
          file,
          line: syntax.line,
        },
      ]
    : [];
}

function isRealHash(hash: unknown): boolean {
  return typeof hash === 'string' && SHA256.test(hash) && !/^0+$/.test(hash);
}

function entryPath(entry: CanonEntry): string {
  return entry.path ?? `governance/canon/${entry.filename}`;
}

function entryName(entry: CanonEntry): string {
  return entry.path ?? entry.filename ?? '(unnamed)';
}
