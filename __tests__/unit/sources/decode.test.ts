import { formatBytes, tooLarge } from '../../../src/config/limits.js';
import { decodeText } from '../../../src/sources/decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('returns the text of a UTF-8 file', () => {
    expect(decodeText(utf8('# Proof — Sesión 080\n'))).toEqual({
      state: 'ok',
      text: '# Proof — Sesión 080\n',
    });
  });

  it('strips a UTF-8 byte-order mark so the first line parses like any other, and says it did', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('| Field | Value |')]);
    expect(decodeText(bytes)).toEqual({ state: 'ok', text: '| Field | Value |', bom: true });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ state: 'ok', text: '' });
  });

  it('refuses a file over the limit, saying how large it is and which key sets the limit', () => {
    const bytes = new Uint8Array(Math.round(4.2 * 1024 * 1024)).fill(0x61);
    expect(decodeText(bytes, 1024 * 1024)).toEqual({
      state: 'unreadable',
      reason: '4.2 MB, over the 1 MB limit (limits.max_file_bytes)',
    });
  });

  it('accepts a file exactly at the limit', () => {
    expect(decodeText(utf8('abcd'), 4)).toEqual({ state: 'ok', text: 'abcd' });
  });

  it('calls a file with a NUL byte in its first 8 KB binary', () => {
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({
      state: 'unreadable',
      reason: 'binary file',
    });
  });

  it('does not look for NUL bytes past the first 8 KB', () => {
    const bytes = new Uint8Array(9000).fill(0x61);
    bytes[8500] = 0;
    expect(decodeText(bytes).state).toBe('ok');
  });

  it('refuses invalid UTF-8 instead of replacing characters', () => {
    expect(decodeText(new Uint8Array([0x61, 0xff, 0xfe, 0x62]))).toEqual({
      state: 'unreadable',
      reason: 'not valid UTF-8',
    });
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [1024 * 1024, '1 MB'],
    [5 * 1024 * 1024, '5 MB'],
  ])('formats %d as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('tooLarge', () => {
  it('describes a size known without reading the bytes', () => {
    expect(tooLarge(3 * 1024 * 1024, 2 * 1024 * 1024)).toEqual({
      state: 'unreadable',
      reason: '3 MB, over the 2 MB limit (limits.max_file_bytes)',
    });
  });
});
