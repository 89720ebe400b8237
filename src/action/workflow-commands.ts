/**
 * The runner's workflow-command protocol, as `@actions/core` 3 writes it: `::name k=v,k=v::message`
 * lines on stdout and `name<<delimiter` blocks appended to the `GITHUB_OUTPUT` file. Written here
 * because `@actions/core` imports its OIDC client, and with it undici, even for `core.info`
 * (docs/design.md, "The API client"). `__tests__/unit/action/runner-io.test.ts` compares every
 * line and file byte with what `@actions/core` writes.
 */
import { EOL } from 'node:os';
import type { AnnotationProps } from './io.js';

/** `@actions/core`'s `toCommandValue`, for the strings and numbers we pass. */
const commandValue = (value: string | number | undefined): string =>
  value === undefined ? '' : String(value);

/** A command's message: `%`, CR and LF escaped so one command stays one line. */
function escapeData(value: string | number | undefined): string {
  return commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as a message, plus `:` and `,`, which separate properties. */
function escapeProperty(value: string | number | undefined): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command line, without the line break. Properties with an empty value are left out,
 * the others kept in the order given (`@actions/core` orders an annotation's as title, file, line).
 */
export function workflowCommand(
  name: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** An annotation's properties under the runner's names (`startLine` is `line`). */
export function annotationProperties(
  props: AnnotationProps = {},
): Record<string, string | number | undefined> {
  if (Object.keys(props).length === 0) return {};
  return { title: props.title, file: props.file, line: props.startLine };
}

/**
 * A `name<<delimiter` block for `GITHUB_OUTPUT`, with a random delimiter the value cannot contain
 * (so a value cannot end the block early and set other outputs).
 */
export function keyValueBlock(
  name: string,
  value: string,
  // The global Web Crypto: `node:crypto` loads when an output is written, not at start-up.
  delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`,
): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: name or value contains the delimiter "${delimiter}"`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}
