import { describe, expect, it } from 'vitest';
import type { ExtensionRequest, PageStatus, Send } from '../../../lib/messages';
import { createPageStateModel } from '../../../lib/popup/page-state';

const TAB_URL = 'https://123456789012.signin.aws.amazon.com/console?code=x';
const STORED = 'https://123456789012.signin.aws.amazon.com/console';

function setup(
  state: PageStatus | undefined,
  opts: { url?: string; stored?: string; report?: unknown } = {},
) {
  const copied: string[] = [];
  const asked: number[] = [];
  const send = (async () => ({
    tab: state && { state, url: opts.stored ?? STORED },
  })) as unknown as Send<ExtensionRequest>;
  const model = createPageStateModel({
    send,
    activeTab: async () => ({ id: 9, url: opts.url ?? TAB_URL }),
    askReport: async (tabId) => {
      asked.push(tabId);
      return 'report' in opts ? opts.report : '{"signpost":"page report"}';
    },
    copy: async (text) => {
      copied.push(text);
    },
  });
  return { model, copied, asked };
}

describe('popup page state: one line about the sign-in tab, a report only when nothing was filled', () => {
  it.each([
    ['filled', false],
    ['learned', false],
    ['no-match', true],
    ['unsupported-page', true],
  ] as const)('%s → report offered: %s', async (state, offered) => {
    const { model, asked } = setup(state);
    await model.load();
    expect(model.state.value).toBe(state);
    expect([model.report.value !== '', asked]).toEqual([offered, offered ? [9] : []]);
  });

  it.each([
    ['a tab that is not a sign-in page', { url: 'https://example.com/console' }],
    ['a decision about another page the tab has left', { stored: 'https://signin.aws.amazon.com/signin' }],
  ])('%s: no line at all', async (_, opts) => {
    const { model } = setup('no-match', opts);
    await model.load();
    expect([model.state.value, model.report.value]).toEqual([undefined, '']);
  });

  it('a page that does not answer: a plain sentence, nothing to copy', async () => {
    const { model } = setup('no-match', { report: undefined });
    await model.load();
    expect([model.report.value, model.note.value]).toEqual(['', 'popupPageReportMissing']);
  });

  it('Copy page report copies exactly the report shown', async () => {
    const { model, copied } = setup('unsupported-page');
    await model.load();
    await model.copy();
    expect([copied, model.note.value]).toEqual([[model.report.value], 'popupPageReportCopied']);
  });
});
