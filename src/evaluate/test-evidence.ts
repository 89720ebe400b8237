import type { Finding } from '../model/results.js';
import type { ProofDocument } from '../model/proof.js';

const TEST_TOPIC = /\btests?\b|\bQP\b|OPOJD|\btesting\b/i;
/** `557/559 tests`, `12/14 passing`, `3/4 GREEN`. */
const TALLY = /\b(\d+)\s*\/\s*(\d+)\s+(?:tests?|passing|passed|pass|green)\b/gi;
/**
 * Inside a test-evidence table a tally needs no word after it (`0/4 ⏳ RED`, `3/5`, SPEC §8.10);
 * not a part of a longer slash chain such as the date `03/05/2026`.
 */
const BARE_TALLY = /(?<![\d/])(\d+)\s*\/\s*(\d+)(?![\d/])/g;
const FAILED = /\b(\d+)\s+(?:failed|failures|failing)\b/gi;
const NOT_GREEN_CELL = /^(RED|FAIL(?:ED)?|BLOCKED|SKIPPED|NOT RUN)$/i;
/**
 * The last word of a result cell of a test-evidence table that makes it not green (`0/4 ⏳ RED`,
 * `❌ FAIL`), written in capitals as the verdict words are; `QA-RED` is one word, and a row's
 * label (`❌ FAILED | 0`, `EXPECTED RED | 9`) is not a result.
 */
const NOT_GREEN_LAST_WORD = /^(?:RED|FAIL)$/;

interface EvidenceItem {
  text: string;
  line: number;
  /** A table cell or field value, judged also by its whole value (RED, FAIL, BLOCKED…). */
  isStatus: boolean;
  /** A cell of a test-evidence table: a bare tally and the cell's last word count too (SPEC §8.10). */
  inTable: boolean;
}

/**
 * Test evidence that is not green (SPEC §8.10): items under a heading or key that mentions tests,
 * QP or OPOJD, with a tally N/M where N < M, N failed with N > 0, a RED/FAIL status, or tests not
 * run; in a test-evidence table, also a bare tally N/M with N < M and a cell whose last word is
 * RED or FAIL. Items carrying a `tests.allow` qualifier (e.g. `EXPECTED RED`) are waived.
 */
export function notGreenTestEvidence(doc: ProofDocument, file: string, allow: readonly string[]): Finding[] {
  const allowed = allow.map((a) => a.toLowerCase());
  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const item of evidenceItems(doc)) {
    if (seen.has(item.line)) continue;
    if (allowed.some((a) => item.text.toLowerCase().includes(a))) continue;
    const why = notGreenReason(item);
    if (!why) continue;
    seen.add(item.line);
    findings.push({
      severity: 'failure',
      message: `Test evidence is not green: ${why}`,
      file,
      line: item.line,
      configKey: 'tests.allow',
    });
  }
  return findings;
}

/** A test result as reported: `559/559 tests`, `42 passing`, `12 tests passed`, `3 failed`. */
const REPORTED_RESULT =
  /\b\d+\s*\/\s*\d+\s+(?:tests?|passing|passed|pass|green)\b|\b\d+\s+(?:tests?\s+)?(?:passing|passed|failed|failing)\b/i;

/**
 * The first test evidence item that reports a result of a test run (SPEC §9.4): a tally or a count
 * of passing or failing tests, under the same headings and keys as the green-ness rule above.
 */
export function reportedTestResult(doc: ProofDocument): { text: string; line: number } | undefined {
  for (const item of evidenceItems(doc)) {
    const match = REPORTED_RESULT.exec(item.text.slice(0, 10_000));
    if (match) return { text: match[0], line: item.line };
  }
  return undefined;
}

function notGreenReason(item: EvidenceItem): string | undefined {
  const text = item.text.slice(0, 10_000);
  for (const match of text.matchAll(item.inTable ? BARE_TALLY : TALLY)) {
    if (Number(match[1]) < Number(match[2])) return `"${item.inTable ? text.trim() : match[0]}"`;
  }
  for (const match of text.matchAll(FAILED)) {
    if (Number(match[1]) > 0) return `"${match[0]}"`;
  }
  if (item.isStatus && NOT_GREEN_CELL.test(text.trim())) return `status "${text.trim()}"`;
  if (item.inTable && item.isStatus && NOT_GREEN_LAST_WORD.test(lastWord(text))) return `"${text.trim()}"`;
  return undefined;
}

/** The cell's last whitespace-separated word, without the punctuation or emphasis around it (`RED.` → `RED`). */
function lastWord(text: string): string {
  const words = text.trim().split(/\s+/);
  return (words.at(-1) ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function evidenceItems(doc: ProofDocument): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const underTopic = (headings: string[]) => headings.some((h) => TEST_TOPIC.test(h));
  for (const table of doc.tables) {
    const wholeTable = underTopic(table.headings);
    const topicColumns = table.keys.flatMap((key, i) => (TEST_TOPIC.test(key.replace(/_/g, ' ')) ? [i] : []));
    for (const row of table.rows) {
      const rowIsTopic = wholeTable || TEST_TOPIC.test(row.values[0] ?? '');
      row.values.forEach((value, i) => {
        if (rowIsTopic || topicColumns.includes(i))
          items.push({ text: value, line: row.line, isStatus: i > 0, inTable: true });
      });
    }
  }
  for (const field of doc.fields) {
    if (TEST_TOPIC.test(field.key.replace(/_/g, ' ')) || underTopic(field.headings)) {
      items.push({
        text: field.value,
        line: field.line,
        isStatus: TEST_TOPIC.test(field.key.replace(/_/g, ' ')),
        inTable: false,
      });
    }
  }
  for (const item of doc.checklist) {
    if (underTopic(item.headings) || TEST_TOPIC.test(item.text))
      items.push({ text: item.text, line: item.line, isStatus: false, inTable: false });
  }
  for (const line of doc.textLines) {
    if (underTopic(line.headings))
      items.push({ text: line.text, line: line.line, isStatus: false, inTable: false });
  }
  for (const block of doc.codeBlocks) {
    if (!underTopic(block.headings)) continue;
    block.value
      .split('\n')
      .forEach((text, i) => items.push({ text, line: block.line + 1 + i, isStatus: false, inTable: false }));
  }
  return items;
}
