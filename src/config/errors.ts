/** One thing wrong with a configuration file, located the way its author would look for it. */
export interface ConfigProblem {
  /** Key path as written in the file (`proof.globs[2]`, `mode`); empty for the file as a whole. */
  path: string;
  /** What was expected (`must be one of: enforce, advisory`). */
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

/** The configuration file cannot be used; `problems` lists everything found, not just the first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly fileName: string;
  readonly problems: ConfigProblem[];

  constructor(fileName: string, problems: ConfigProblem[]) {
    super(summarise(fileName, problems));
    this.fileName = fileName;
    this.problems = problems;
  }
}

/** `file: N problem(s):` then one indented line per problem: `proof.glob (line 3): unknown key …`. */
function summarise(fileName: string, problems: ConfigProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    `${fileName}: invalid configuration, ${count}:`,
    ...problems.map((problem) => `  ${describe(problem)}`),
  ].join('\n');
}

function describe({ path, line, message }: ConfigProblem): string {
  const at = line === undefined ? '' : `line ${line}`;
  if (path === '') return at === '' ? message : `${at}: ${message}`;
  return at === '' ? `${path}: ${message}` : `${path} (${at}): ${message}`;
}
