/** Types for scripts/api-examples.mjs, so TypeScript tests can import it. */

export const DESCRIPTION: string;
export const ROUTES: Record<string, [path: string, method: string, status: string, example: string]>;
export function extractApiExamples(description: unknown): Record<string, unknown>;
export function renderApiExamples(description: unknown, version: string): string;
