import type { Finding } from '../model/results.js';
import type { ProofDocument } from '../model/proof.js';

const TEST_TOPIC = /\btests?\b|\bQP\b|OPOJD|\btesting\b/i;
/** `557/559 tests`, `12/14 passing`, `3/4 GREEN`. */
const TALLY = /\b(\d+)\s*\/\s*(\d+)\s+(?:tests?|passing|passed|pass|green)\b/gi;
const FAILED = /\b(\d+)\s+(?:failed|failures|failing)\b/gi;
const NOT_GREEN_CELL = /^(RED|FAIL(?:ED)?|BLOCKED|SKIPPED|NOT RUN)$/i;

interface EvidenceItem {
  text: string;
  line: number;
  /** A table cell or field value, judged also by its whole value (RED, FAIL, BLOCKED…). */
  isStatus: boolean;
}

/**
 * Test evidence that is not green (SPEC §8.10): items under a heading or key that mentions tests,
 * QP or OPOJD, with a tally N/M where N < M, N failed with N > 0, a RED/FAIL status, or tests not
 * run. Items carrying a `tests.allow` qualifier (e.g. `EXPECTED RED`) are waived.
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
  for (const match of text.matchAll(TALLY)) {
    if (Number(match[1]) < Number(match[2])) return `"${match[0]}"`;
  }
  for (const match of text.matchAll(FAILED)) {
    if (Number(match[1]) > 0) return `"${match[0]}"`;
  }
  if (item.isStatus && NOT_GREEN_CELL.test(text.trim())) return `status "${text.trim()}"`;
  return undefined;
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
          items.push({ text: value, line: row.line, isStatus: i > 0 });
      });
    }
  }
  for (const field of doc.fields) {
    if (TEST_TOPIC.test(field.key.replace(/_/g, ' ')) || underTopic(field.headings)) {
      items.push({
        text: field.value,
        line: field.line,
        isStatus: TEST_TOPIC.test(field.key.replace(/_/g, ' ')),
      });
    }
  }
  for (const item of doc.checklist) {
    if (underTopic(item.headings) || TEST_TOPIC.test(item.text))
      items.push({ text: item.text, line: item.line, isStatus: false });
  }
  for (const line of doc.textLines) {
    if (underTopic(line.headings)) items.push({ text: line.text, line: line.line, isStatus: false });
  }
  for (const block of doc.codeBlocks) {
    if (!underTopic(block.headings)) continue;
    block.value
      .split('\n')
      .forEach((text, i) => items.push({ text, line: block.line + 1 + i, isStatus: false }));
  }
  return items;
}
