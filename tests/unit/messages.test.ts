// `send`, the one caller of runtime.sendMessage: the browser's own messaging errors reach the user as
// sentences, not as "Message length exceeded maximum allowed length.".
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messages';

const TOO_LARGE =
  "That is too much to hand to Signpost's background in one go. Import a smaller file, or split this one.";
const NO_ANSWER = 'Signpost did not answer. Try again.';

describe('send: browser messaging errors in plain words', () => {
  it.each([
    ['Chrome, a message over 64 MB', 'Message length exceeded maximum allowed length.', TOO_LARGE],
    ['a message that is too large', 'Message is too large', TOO_LARGE],
    ['no background to answer', 'Could not establish connection. Receiving end does not exist.', NO_ANSWER],
    ['an error Signpost does not know stays as it is', 'The database is closed.', 'The database is closed.'],
  ])('%s', async (_name, raw, sentence) => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error(raw));
    await expect(send({ type: 'accounts.import', accounts: [] })).rejects.toThrow(sentence);
  });

  it('no reply at all reads as a sentence too', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await expect(send({ type: 'accounts.list' })).rejects.toThrow(NO_ANSWER);
  });
});
