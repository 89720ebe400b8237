/**
 * One fresh process of bench/parse-cold.mjs: `node parse-cold-child.mjs ENTRY FIXTURE MODE`.
 * MODE `evaluate`: the first evaluate() of the fixture PR (its files read beforehand).
 * MODE `warm`: the same after the engine thread's warm-up (src/action/engine-warmup.ts) has run
 * to its end: what the action's evaluation costs once its engine thread has warmed up.
 * MODE `parse`: parseProof on the PR's proofs and memories, 10 times; the 1st and the 10th pass.
 * MODE `yaml`: after a first parse without YAML, the first parse of a tiny proof with a `yaml`
 * fence, against the same proof with a `text` fence: what the `yaml` package costs cold.
 * Prints one JSON line of milliseconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [entry, fixture, mode] = process.argv.slice(2);
const loadStart = performance.now();
const { DEFAULT_CONFIG, FixtureSource, evaluate, parseOptionsFrom, parseProof, warmUpSteps } = await import(
  pathToFileURL(entry).href
);
const loadMs = performance.now() - loadStart;

const source = new FixtureSource(fixture);
const facts = await source.facts();

if (mode === 'evaluate' || mode === 'warm') {
  if (mode === 'warm') {
    // One step per turn of the event loop, as the engine thread runs it.
    const steps = warmUpSteps();
    while (!steps.next().done) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const reader = source.reader();
  // Read every changed file first: the figure is the evaluation, not the disk.
  await Promise.all(facts.changedFiles.map((file) => reader.read(file.path)));
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const evaluation = await evaluate(facts, reader, DEFAULT_CONFIG);
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ loadMs, ms, cpuMs: (user + system) / 1000, verdict: evaluation.verdict }));
} else if (mode === 'yaml') {
  const options = parseOptionsFrom(DEFAULT_CONFIG);
  const proof = (lang) =>
    `# Proof\n\n**Agent**: foreman\n\n\`\`\`${lang}\nsession_id: 080\ndate: 2026-03-01\n\`\`\`\n`;
  parseProof('# Proof\n\n**Agent**: foreman\n', options);
  const timeOne = (text) => {
    const start = performance.now();
    parseProof(text, options);
    return performance.now() - start;
  };
  const text = timeOne(proof('text'));
  const yaml = timeOne(proof('yaml'));
  console.log(JSON.stringify({ loadMs, text, yaml }));
} else {
  const documents = JSON.parse(process.env.BENCH_DOCUMENTS ?? '[]').map((path) =>
    readFileSync(join(fixture, 'head', path), 'utf8'),
  );
  const options = parseOptionsFrom(DEFAULT_CONFIG);
  const passes = [];
  for (let pass = 0; pass < 10; pass += 1) {
    const start = performance.now();
    for (const text of documents) parseProof(text, options);
    passes.push(performance.now() - start);
  }
  console.log(JSON.stringify({ loadMs, first: passes[0], tenth: passes[9] }));
}
