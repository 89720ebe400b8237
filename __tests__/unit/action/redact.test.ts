import type { ActionIO } from '../../../src/action/io.js';
import { redactingIO, redactingSink, redactor } from '../../../src/action/redact.js';
import type { StatusSink } from '../../../src/report/statuses.js';

const TOKEN = 'ghs_abc123';

describe('redactor', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redactor([TOKEN, 'other'])(`a ${TOKEN} b ${TOKEN} other`)).toBe('a *** b *** ***');
  });

  it('ignores empty secrets (which would otherwise match everywhere)', () => {
    expect(redactor([''])('text')).toBe('text');
  });
});

describe('redactingIO and redactingSink', () => {
  it('redact what is written: messages, outputs, summary and status descriptions', async () => {
    const written: string[] = [];
    const record = (text: string) => void written.push(text);
    const io: ActionIO = {
      getInput: () => TOKEN,
      setSecret: () => undefined,
      info: record,
      notice: record,
      warning: record,
      error: record,
      setOutput: (_name, value) => record(value),
      setFailed: record,
      writeSummary: async (markdown) => record(markdown),
    };
    const safe = redactingIO(io, redactor([TOKEN]));
    safe.info(TOKEN);
    safe.notice(TOKEN);
    safe.warning(TOKEN);
    safe.error(TOKEN);
    safe.setOutput('results', TOKEN);
    safe.setFailed(TOKEN);
    await safe.writeSummary(TOKEN);
    const sink: StatusSink = { post: async (_c, _s, description) => record(description) };
    await redactingSink(sink, redactor([TOKEN])).post('ctx', 'error', `Bad credentials ${TOKEN}`);
    expect(written).toEqual([...Array(7).fill('***'), 'Bad credentials ***']);
    expect(safe.getInput('github-token')).toBe(TOKEN);
  });
});
