// @vitest-environment happy-dom
// The console content script: reports the meta's session once the DOM is parsed, sends nothing for a page
// without a sensible meta, writes nothing to the page, and answers the background's ping with its host only.
import { describe, expect, it } from 'vitest';
import { answerPings, CONSOLE_PING, runConsole } from '../../../lib/console/run';
import type { ConsoleRequest, Send } from '../../../lib/messages';

const ID = '123456789012';

function page(head: string): Document {
  const doc = document.implementation.createHTMLDocument('Console');
  doc.head.innerHTML = head;
  doc.body.innerHTML = '<main><h1>Console Home</h1><input name="password" value="secret"></main>';
  return doc;
}

function recorder() {
  const sent: unknown[] = [];
  const send = (async (request: unknown) => {
    sent.push(request);
    return {};
  }) as Send<ConsoleRequest>;
  return { sent, send };
}

const meta = (content: string) => `<meta name="awsc-session-data" content='${content}'>`;

describe('the console content script', () => {
  it('sends the session the meta names, and nothing it does not', async () => {
    const doc = page(
      meta(
        JSON.stringify({
          accountId: ID,
          accountAlias: 'acme-prod',
          sessionARN: `arn:aws:iam::${ID}:user/alice`,
          signInEndpoint: 'signin.aws.amazon.com',
          displayName: 'alice @ acme-prod',
          prismModeEnabled: 'true',
          sessionDifferentiator: `${ID}-abc`,
        }),
      ),
    );
    const { sent, send } = recorder();
    const before = doc.documentElement.outerHTML;
    expect(await runConsole(doc, send)).toBe(true);
    expect(sent).toEqual([
      {
        type: 'console.session',
        accountId: ID,
        alias: 'acme-prod',
        principalArn: `arn:aws:iam::${ID}:user/alice`,
        signInEndpoint: 'signin.aws.amazon.com',
        sessionDifferentiator: `${ID}-abc`,
        multiSession: true,
      },
    ]);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it.each([
    ['no meta', ''],
    ['garbage', meta('not json')],
    ['no account ID', meta(JSON.stringify({ accountAlias: 'acme-prod' }))],
    ['HTML in the account ID', meta(JSON.stringify({ accountId: '<img src=x>' }))],
    ['two metas', meta(JSON.stringify({ accountId: ID })) + meta(JSON.stringify({ accountId: ID }))],
    ['a 1 MB meta', meta(JSON.stringify({ accountId: ID, accountAlias: 'a'.repeat(1 << 20) }))],
  ])('sends nothing for a page with %s', async (_name, head) => {
    const { sent, send } = recorder();
    expect(await runConsole(page(head), send)).toBe(false);
    expect(sent).toEqual([]);
  });

  it('waits for DOMContentLoaded before it reads the meta', async () => {
    const doc = page(meta(JSON.stringify({ accountId: ID })));
    Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true });
    const { sent, send } = recorder();
    const done = runConsole(doc, send);
    await Promise.resolve();
    expect(sent).toEqual([]);
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(await done).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('swallows a refusal from the background', async () => {
    const send = (async () => {
      throw new Error('Signpost does not answer this sender.');
    }) as Send<ConsoleRequest>;
    expect(await runConsole(page(meta(JSON.stringify({ accountId: ID }))), send)).toBe(false);
  });

  it.each([
    [{ type: CONSOLE_PING }, ['console.aws.amazon.com']],
    [{ type: 'signin.query' }, []],
    [null, []],
  ])('answers %j with %j', (message, replies) => {
    let listener: ((m: unknown, s: unknown, reply: (host: string) => void) => void) | undefined;
    answerPings({ addListener: (l) => (listener = l) }, 'console.aws.amazon.com');
    const got: string[] = [];
    listener!(message, {}, (host) => got.push(host));
    expect(got).toEqual(replies);
  });
});
