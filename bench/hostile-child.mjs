/**
 * One fresh process of bench/hostile.mjs: `node hostile-child.mjs BUNDLE SHAPE_INDEX`. Builds the
 * shape at 1 MiB, parses a small document first (so the figure is the shape, not the first
 * compile), then the shape once, and prints the milliseconds. Run on each Node the bench times.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { atOneMiB, SHAPES } from './hostile-shapes.mjs';

const [bundle, index] = process.argv.slice(2);
const { parseProof, parseOptionsFrom, DEFAULT_CONFIG } = await import(pathToFileURL(bundle).href);
const [, make, n] = SHAPES[Number(index)];
const text = atOneMiB(make, n);
const options = parseOptionsFrom(DEFAULT_CONFIG);
parseProof('# warm-up\n\n- a\n> b\n', options);
const start = performance.now();
parseProof(text, options);
console.log(performance.now() - start);
