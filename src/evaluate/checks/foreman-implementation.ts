import type { Finding } from '../../model/results.js';
import { requireServed, type EvaluationContext } from '../context.js';
import { failure, listSome, success, type CheckDefinition } from './check.js';

/** `foreman-implementation-check`: the foreman did not write implementation code itself (SPEC §4.3). */
export const foremanImplementationCheck: CheckDefinition = {
  id: 'foreman-implementation-check',
  summary: 'A foreman PR that changes implementation files must carry evidence that builders did the work.',
  configKeys: [
    'path_classes',
    'roles.foreman_artifacts',
    'roles.foreman_agent_pattern',
    'roles.builder_label',
    'roles.builders',
  ],
  run(ctx) {
    const files = ctx.implementationFiles.map((f) => f.path);
    if (files.length === 0) return success('No implementation files changed');
    // The role and the delegation evidence come from the proof, the memories and foreman artifacts.
    requireServed(ctx, 'proofs', 'memories', 'artifacts');
    if (ctx.role === 'builder')
      return success(`Builder PR (${ctx.roleReason}): implementation by a builder is allowed`);
    if (ctx.role === 'foreman') {
      const evidence = ctx.delegation[0];
      if (evidence) {
        const who = evidence.builders.length > 0 ? evidence.builders.join(', ') : 'agents_delegated_to';
        return success(`Foreman PR, implementation delegated (${who}, ${evidence.file})`);
      }
      return failure(
        fileFindings(ctx, files, 'Foreman PR changes implementation file without delegation evidence'),
        `Foreman PR changes ${files.length} implementation file(s) with no delegation evidence: ${listSome(files, 2)}`,
      );
    }
    const label = ctx.config.roles.builder_label;
    return failure(
      [
        ...fileFindings(ctx, files, 'Implementation file changed by a PR whose role is unresolved'),
        {
          severity: 'failure',
          message: `Cannot tell who wrote the ${files.length} implementation file(s): add the label "${label}" if a builder wrote them, commit a PREHANDOVER proof naming the agent, or have a human add "${ctx.config.override_label}"`,
          configKey: 'roles.builder_label',
        },
      ],
      `Role unresolved with ${files.length} implementation file(s): add label "${label}", a proof, or the override label`,
    );
  },
};

function fileFindings(ctx: EvaluationContext, files: string[], message: string): Finding[] {
  const fix =
    ctx.role === 'foreman'
      ? ': delegate it to a builder and record that (a builder table in the proof, agents_delegated_to in the session memory, or a delegation order)'
      : '';
  return files.map((file) => ({
    severity: 'failure' as const,
    message: `${message}: ${file}${fix}`,
    file,
    configKey: 'path_classes',
  }));
}
