/**
 * What `run()` needs from the runner, as an interface: `runner-io.ts` implements it with the
 * runner's workflow commands and files, tests with a recorder, so no module mocking is needed.
 */

export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
}

export interface ActionIO {
  /** An input's value, trimmed; '' when unset. */
  getInput(name: string): string;
  /** Masks a value in the runner's logs. */
  setSecret(value: string): void;
  info(message: string): void;
  notice(message: string, props?: AnnotationProps): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  setOutput(name: string, value: string): void;
  /** Fails the step (exit code 1) with a message. */
  setFailed(message: string): void;
  /** Appends Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
}
