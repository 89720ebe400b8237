/**
 * Reads one file at one commit through the contents API, as bytes, and decodes it with the same
 * rules as every other source (`decodeText`): binary, invalid UTF-8 and oversized files are unreadable.
 */
import type { FileContent } from '../model/facts.js';
import { tooLarge } from '../config/limits.js';
import { decodeText } from '../sources/decode.js';
import type { GitHubClient } from './client.js';
import { isNotFound, toGitHubError } from './errors.js';
import { cancelBody, keepingResponse, readBody, retryingMalformed, type ResponseBody } from './raw-body.js';

export interface FileLocation {
  owner: string;
  repo: string;
  /** A commit SHA: never a branch name, so a push during the run cannot change what we read. */
  ref: string;
  path: string;
}

/** The JSON form of the contents API (when the raw media type is not honoured), as far as we read it. */
interface ContentsJson {
  type?: unknown;
  encoding?: unknown;
  content?: unknown;
}

const MALFORMED = 'the contents API answered with malformed JSON';

/** The file's bytes from the JSON (base64) form, or why there are none. */
function bytesFromJson(text: string): Uint8Array | FileContent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { state: 'unavailable', reason: MALFORMED };
  }
  if (Array.isArray(parsed)) return { state: 'unreadable', reason: 'a directory, not a file' };
  const json = (parsed ?? {}) as ContentsJson;
  if (json.type !== undefined && json.type !== 'file')
    return { state: 'unreadable', reason: `a ${String(json.type)}, not a file` };
  if (json.encoding === 'base64' && typeof json.content === 'string')
    return Buffer.from(json.content, 'base64');
  return {
    state: 'unavailable',
    reason: 'the contents API did not return the file (over 1 MB without the raw media type)',
  };
}

/**
 * Fetches `path` at `ref` with the raw media type (the body is streamed, not parsed, so binary
 * files arrive intact), falling back to the base64 JSON form. 404 → absent; an API failure →
 * unavailable with the reason, so the check that needed the file reports `error`, not a pass.
 */
export async function fetchFileContent(
  octokit: GitHubClient,
  location: FileLocation,
  maxBytes: number,
): Promise<FileContent> {
  return retryingMalformed(
    () => fetchOnce(octokit, location, maxBytes),
    (content) => content.state === 'unavailable' && content.reason === MALFORMED,
  );
}

async function fetchOnce(
  octokit: GitHubClient,
  location: FileLocation,
  maxBytes: number,
): Promise<FileContent> {
  const { owner, repo, ref, path } = location;
  const { fetch, kept } = keepingResponse(octokit);
  let response: { headers: Record<string, string | number | undefined>; data: unknown };
  try {
    response = await octokit.rest.repos.getContent({
      owner,
      repo,
      path,
      ref,
      mediaType: { format: 'raw' },
      request: { parseSuccessResponseBody: false, fetch },
    });
  } catch (error) {
    if (isNotFound(error)) return { state: 'absent' };
    return { state: 'unavailable', reason: toGitHubError(error, `reading ${path}`).message };
  }
  const body = response.data as ResponseBody | null;
  // The JSON form carries base64 (a third larger than the file), so allow for it before decoding.
  const isJson = /\bjson\b/i.test(String(response.headers['content-type'] ?? ''));
  const declared = Number(response.headers['content-length']);
  if (!isJson && Number.isFinite(declared) && declared > maxBytes) {
    await cancelBody(body);
    return tooLarge(declared, maxBytes);
  }
  let read: { bytes: Uint8Array; overLimit: boolean };
  try {
    read = await readBody(body, isJson ? Math.ceil(maxBytes * 1.4) + 4096 : maxBytes);
  } catch (error) {
    return { state: 'unavailable', reason: toGitHubError(error, `reading ${path}`).message };
  } finally {
    kept.response = undefined;
  }
  if (read.overLimit) return tooLarge(undefined, maxBytes);
  const encoded = String(response.headers['content-encoding'] ?? 'identity') !== 'identity';
  if (!encoded && Number.isFinite(declared) && read.bytes.byteLength !== declared) {
    // Never judge a file by a cut-off download: an empty YAML file would pass its syntax check.
    const reason = `the download of ${path} ended early (${read.bytes.byteLength} of ${declared} bytes)`;
    return { state: 'unavailable', reason };
  }
  if (!isJson) return decodeText(read.bytes, maxBytes);
  const bytes = bytesFromJson(Buffer.from(read.bytes).toString('utf8'));
  return bytes instanceof Uint8Array ? decodeText(bytes, maxBytes) : bytes;
}
