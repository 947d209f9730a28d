import { describe, expect, it } from 'vitest';
import { mayAskForReport, pageReport, REPORT_LIMITS, REPORT_REQUEST } from '../../../lib/page/report';
import { MAIN_URL, page, replica, replicaState, type, until } from './fixtures';

const SECRET_URL =
  'https://123456789012.signin.aws.amazon.com/console?code=sekrit-code&token=sekrit-token#frag';
const SECRETS = [
  'alice-private',
  'hunter2-pass',
  'replica-csrf-token',
  'cookie-sekrit',
  'sekrit-code',
  'sekrit-token',
  'frag',
  'client-sekrit',
];

const lines = (report: string) =>
  report.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('page report: the form skeleton, never a value, a token, a cookie or the query string', () => {
  it('a filled-in IAM replica with csrf tokens, a cookie and a query string gives none of them away', async () => {
    const win = replica('iam-classic', SECRET_URL, { clientId: 'client-sekrit' });
    const doc = win.document;
    await until(() => replicaState(win)?.ready);
    doc.cookie = 'aws-userInfo=cookie-sekrit';
    type(win, doc.querySelector('#username')!, 'alice-private');
    type(win, doc.querySelector('#password')!, 'hunter2-pass');
    doc.body.insertAdjacentHTML('beforeend', '<label>Notes <textarea>alice-private</textarea></label>');
    const report = pageReport(doc, win.location.href, 'no-match');
    for (const secret of SECRETS) expect(report).not.toContain(secret);
    const [header, ...elements] = lines(report);
    expect(header).toEqual({
      signpost: 'page report',
      origin: 'https://123456789012.signin.aws.amazon.com',
      path: '/console',
      status: 'no-match',
      nextjs: false,
      angularjs: true,
    });
    expect(elements).toContainEqual({
      tag: 'input',
      type: 'text',
      id: 'username',
      name: 'username',
      autocomplete: 'username',
      label: 'IAM user name',
      visible: true,
    });
    expect(elements).toContainEqual({ tag: 'input', type: 'hidden', name: 'csrf', visible: false });
  });

  it.each([
    [
      'a label cut to 60 characters',
      `<label for="x">${'Account '.repeat(20)}</label><input id="x">`,
      'Account Account',
    ],
    [
      'an email address in a label masked',
      '<label for="x">Password for owner@example.com</label><input id="x">',
      'Password for …@…',
    ],
    ['an account ID in a link masked', '<a href="#">Not 123456789012?</a>', 'Not #?'],
  ])('%s', (_, html, start) => {
    const win = page(MAIN_URL, html);
    const [, first] = lines(pageReport(win.document, MAIN_URL, undefined));
    expect(String(first!.label).startsWith(start)).toBe(true);
    expect(String(first!.label).length).toBeLessThanOrEqual(REPORT_LIMITS.label);
    expect(JSON.stringify(first)).not.toMatch(/owner@example|123456789012/);
  });

  it('a page with thousands of controls is cut at 200 elements and 16 KB, and says how many it left out', () => {
    const win = page(
      MAIN_URL,
      '<input name="n" aria-label="A long enough label for every box">'.repeat(3000),
    );
    const report = pageReport(win.document, MAIN_URL, 'unsupported-page');
    const parsed = lines(report);
    expect(report.length).toBeLessThanOrEqual(REPORT_LIMITS.chars + 100);
    expect(parsed.length - 2).toBeLessThanOrEqual(REPORT_LIMITS.elements);
    expect(parsed.at(-1)).toEqual({ truncated: 3000 - (parsed.length - 2) });
  });

  it('knows a Next.js page and a plain one', () => {
    const next = page(MAIN_URL, '<div id="__next"><input></div>');
    expect(lines(pageReport(next.document, MAIN_URL, undefined))[0]).toMatchObject({
      nextjs: true,
      angularjs: false,
      status: 'none',
    });
  });
});

describe('page report: only Signpost itself may ask for it', () => {
  const request = { type: REPORT_REQUEST };
  it.each([
    ['the popup (own extension page)', request, { id: 'own' }, true],
    ['another extension', request, { id: 'other' }, false],
    ['a content script in a tab', request, { id: 'own', tab: { id: 3 } }, false],
    ['some other message', { type: 'signin.query' }, { id: 'own' }, false],
    ['no message at all', null, { id: 'own' }, false],
  ])('%s → %s', (_, message, sender, allowed) => {
    expect(mayAskForReport(message, sender, 'own')).toBe(allowed);
  });
});
