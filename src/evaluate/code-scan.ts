/**
 * Blanks out comments and string/template literals in JS/TS source lines, keeping line count and
 * columns, so patterns are matched in code only: a test *of* a stub detector holds `.skip(` as
 * data (SPEC §8.9). A small lexer rather than a regex, so it stays linear on hostile input.
 * Lines are scanned as a sequence (block comments and template literals may span lines); regex
 * literals are not recognised, which errs towards scanning them as code.
 */
export function codeOnly(lines: readonly string[]): string[] {
  let mode: 'code' | 'block' | 'template' = 'code';
  return lines.map((line) => {
    let out = '';
    let i = 0;
    while (i < line.length) {
      const c = line[i] as string;
      const next = line[i + 1];
      if (mode === 'block') {
        if (c === '*' && next === '/') {
          mode = 'code';
          out += '  ';
          i += 2;
        } else {
          out += ' ';
          i += 1;
        }
      } else if (mode === 'template') {
        if (c === '\\') {
          out += '  ';
          i += 2;
        } else {
          if (c === '`') mode = 'code';
          out += ' ';
          i += 1;
        }
      } else if (c === '/' && next === '/') {
        out += ' '.repeat(line.length - i);
        i = line.length;
      } else if (c === '/' && next === '*') {
        mode = 'block';
        out += '  ';
        i += 2;
      } else if (c === '`') {
        mode = 'template';
        out += ' ';
        i += 1;
      } else if (c === '"' || c === "'") {
        const end = closingQuote(line, i + 1, c);
        out += ' '.repeat(end - i);
        i = end;
      } else {
        out += c;
        i += 1;
      }
    }
    return out;
  });
}

/** Index just past the closing quote (or end of line for an unterminated string). */
function closingQuote(line: string, from: number, quote: string): number {
  let i = from;
  while (i < line.length) {
    if (line[i] === '\\') i += 2;
    else if (line[i] === quote) return i + 1;
    else i += 1;
  }
  return line.length;
}
