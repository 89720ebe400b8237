import { createHash } from 'node:crypto';
import { evaluatePr, failures, goodForemanPr, result } from '../../helpers/evaluate-pr.js';
import { configWith } from '../../helpers/in-memory-pr.js';

const CHECK = 'governance/alignment';
const INVENTORY = 'governance/CANON_INVENTORY.json';
const CANON = 'governance/canon/MERGE_POLICY.md';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function inventory(entries: { path: string; hash: string }[], total = entries.length): string {
  return JSON.stringify(
    {
      version: '1.0.0',
      total_canons: total,
      canons: entries.map((e) => ({
        path: e.path,
        filename: e.path.split('/').pop(),
        version: '1.0.0',
        file_hash_sha256: e.hash,
      })),
    },
    null,
    2,
  );
}

describe('governance/alignment', () => {
  it('is not applicable when no governance, inventory or frozen path changed', async () => {
    expect(result(await evaluatePr(goodForemanPr()), CHECK).description).toMatch(/^Not applicable/);
  });

  it('passes when a changed canon matches its inventory hash', async () => {
    const canon = '# Merge policy v2\n';
    const pr = goodForemanPr()
      .change(CANON, canon)
      .atHead(INVENTORY, inventory([{ path: CANON, hash: sha(canon) }]));
    expect(result(await evaluatePr(pr), CHECK).state).toBe('success');
  });

  it('fails when a changed canon no longer matches its inventory entry', async () => {
    const pr = goodForemanPr()
      .change(CANON, { status: 'modified', content: '# Merge policy v3\n' })
      .atHead(INVENTORY, inventory([{ path: CANON, hash: sha('# Merge policy v2\n') }]));
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(
      expect.stringContaining(`Canon ${CANON} has SHA-256`),
    );
  });

  it('fails on a wrong total, a placeholder hash and invalid JSON', async () => {
    const pr = goodForemanPr().change(INVENTORY, inventory([{ path: CANON, hash: '0'.repeat(64) }], 2));
    const messages = failures(await evaluatePr(pr), CHECK);
    expect(messages).toContainEqual(expect.stringContaining('total_canons is 2'));
    expect(messages).toContainEqual(expect.stringContaining('placeholders'));
    pr.change(INVENTORY, '{ "canons": [ }');
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(expect.stringContaining('not valid JSON'));
  });

  it('fails when the inventory is not of the inventory shape', async () => {
    const pr = goodForemanPr().change(INVENTORY, JSON.stringify({ canons: 'none' }));
    expect(failures(await evaluatePr(pr), CHECK)[0]).toContain('Canon inventory:');
  });

  it('only verifies unchanged canons when verify_hashes is all', async () => {
    const other = 'governance/canon/OTHER.md';
    const pr = goodForemanPr()
      .change('governance/README.md', 'notes\n')
      .atHead(other, 'drifted\n')
      .atHead(INVENTORY, inventory([{ path: other, hash: sha('original\n') }]));
    expect(result(await evaluatePr(pr), CHECK).state).toBe('success');
    const strict = configWith();
    strict.alignment.verify_hashes = 'all';
    expect(result(await evaluatePr(pr, strict), CHECK).state).toBe('failure');
  });

  describe('the entries this PR changed, read from the inventory patch or, without one, from both sides', () => {
    // A real inventory lists many canons, some with stale hashes the PR does not touch.
    const stale = Array.from({ length: 40 }, (_, i) => ({
      path: `governance/canon/OLD_${i}.md`,
      hash: sha(`what OLD_${i} said long ago\n`),
    }));
    const before = '# Merge policy v1\n';
    const after = '# Merge policy v2\n';
    const baseInventory = inventory([{ path: CANON, hash: sha(before) }, ...stale]);

    /** A PR updating CANON and its entry, the inventory's patch given or left out like GitHub does for big diffs. */
    function updatePr(hash: string, patch: 'patch' | 'no patch', mergeBase: boolean) {
      const headInventory = inventory([{ path: CANON, hash }, ...stale]);
      const pr = goodForemanPr()
        .change(CANON, { status: 'modified', content: after })
        .change(INVENTORY, {
          status: 'modified',
          content: headInventory,
          ...(patch === 'patch'
            ? {
                patch: `@@ -9 +9 @@\n-      "file_hash_sha256": "${sha(before)}"\n+      "file_hash_sha256": "${hash}"`,
              }
            : {}),
        });
      stale.forEach((entry, i) => pr.atHead(entry.path, `drifted ${i}\n`));
      if (mergeBase) pr.atBase(INVENTORY, baseInventory).atBase(CANON, before);
      return pr;
    }

    it('decides the same with and without the patch: a correct update passes, a wrong hash fails', async () => {
      for (const patch of ['patch', 'no patch'] as const) {
        expect(result(await evaluatePr(updatePr(sha(after), patch, true)), CHECK).state).toBe('success');
        const wrong = failures(await evaluatePr(updatePr(sha('# something else\n'), patch, true)), CHECK);
        expect(wrong).toEqual([expect.stringContaining(`Canon ${CANON} has SHA-256`)]);
      }
    });

    it('verifies every entry when the source has no merge base to compute the change from', async () => {
      const messages = failures(await evaluatePr(updatePr(sha(after), 'no patch', false)), CHECK);
      expect(messages).toHaveLength(stale.length);
      expect(messages[0]).toContain('OLD_0.md');
    });
  });

  it('passes with a note when the repository has no inventory, and errors when it is required', async () => {
    const pr = goodForemanPr().change('governance/README.md', 'notes\n');
    expect(result(await evaluatePr(pr), CHECK).state).toBe('success');
    const required = configWith();
    required.alignment.inventory_required = true;
    expect(result(await evaluatePr(pr, required), CHECK).state).toBe('error');
  });

  it('fails when a frozen path changes, unless the override label is present', async () => {
    const pr = goodForemanPr().change('modules/mat/02-architecture/system.md', {
      status: 'modified',
      content: '# arch\n',
    });
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(
      expect.stringContaining('Frozen path changed'),
    );
    pr.with({ labels: ['CS sign-off: approved'] });
    const r = result(await evaluatePr(pr), CHECK);
    expect(r.state).toBe('success');
    expect(r.waivedBy).toBe('CS sign-off: approved');
  });

  it('fails when sync_state.json is invalid JSON', async () => {
    const pr = goodForemanPr().change('governance/sync_state.json', '{ nope');
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(expect.stringContaining('sync_state.json'));
  });
});
