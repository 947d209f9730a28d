// Test pages for the sign-in content script: small inline fixtures of each AWS page variant, the e2e
// replica pages loaded with their own scripts, a fake background, and events marked as the person's.
import { readFileSync } from 'node:fs';
import { Window as HappyWindow } from 'happy-dom';
import { afterEach } from 'vitest';
import type { RequestType, Responses, Send, SignInAnswer, SignInRequest } from '../../../lib/messages';

export type Win = Window & typeof globalThis;

export const MAIN_URL =
  'https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com';
export const ACCOUNT_URL = 'https://123456789012.signin.aws.amazon.com/console';
export const REGION_URL = 'https://us-east-2.signin.aws.amazon.com/oauth?client_id=x';

const RADIOS_CLASSIC = `
  <input type="radio" id="root_user_radio_button" name="userType" value="rootUser">
  <input type="radio" id="iam_user_radio_button" name="userType" value="iamUser" checked>`;

export const FIXTURES = {
  'main-classic': `<form id="identify_form">${RADIOS_CLASSIC}
    <input id="resolving_input" name="email" type="email"><button id="next_button" type="submit">Next</button></form>
    <div id="login_container" style="display:none"><input id="password" type="password">
    <button id="signin_button" type="submit">Sign in</button></div>`,
  'main-redesigned': `<div id="__next"><form id="identify_form">
    <input type="radio" name="userType" value="ROOT"><input type="radio" name="userType" value="IAM" checked>
    <input id="resolving_input" type="email"><button id="next_button" type="submit">Next</button></form></div>`,
  'iam-classic': `<form id="signin_form"><div id="accountFields"><input type="text" id="account" value=""></div>
    <input type="text" id="username"><input type="password" id="password">
    <a href="#" id="signin_button" role="button">Sign in</a></form>
    <a href="#" id="root_account_signin">Sign in using root user email</a>`,
  'iam-redesigned': `<div id="__next"><form id="signin_form"><input type="text" id="account">
    <input type="text" id="username"><input type="password" id="password">
    <button id="signin_button" type="submit">Sign in</button></form></div>`,
  'mfa-iam': `<form id="mfa_form"><input type="text" id="mfacode"><a href="#" id="submitMfa_button">Submit</a></form>`,
  'mfa-root': `<form id="mfa_form"><input type="text" id="mfaCode"><button id="mfa_submit_button">Submit</button></form>`,
} as const;
export type FixtureName = keyof typeof FIXTURES;

const windows: HappyWindow[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/** A happy-dom window at `url` whose body is `html` (no scripts run). Closed after the test. */
export function page(url: string, html = ''): Win {
  const win = new HappyWindow({ url });
  windows.push(win);
  win.document.body.innerHTML = html;
  return win as unknown as Win;
}

export const REPLICAS = [
  'main-classic',
  'main-redesigned',
  'iam-classic',
  'iam-redesigned',
  'mfa-iam',
  'mfa-root',
] as const;
export type ReplicaName = (typeof REPLICAS)[number];

export interface Replica {
  submitted: Record<string, string | number> | null;
  mounts: number;
  ready: boolean;
  step?: string;
  error: string | null;
}

/** An e2e replica page, with its own scripts running, at `url`; `config` becomes `window.__replicaConfig`. */
export function replica(name: ReplicaName, url: string, config: Record<string, unknown> = {}): Win {
  const win = new HappyWindow({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  windows.push(win);
  const html = readFileSync(new URL(`../../e2e/replicas/${name}.html`, import.meta.url), 'utf8');
  const defaults = {
    redirectUri: 'https://console.aws.amazon.com/console/home',
    hasRoot: true,
    lateMs: null,
    remountMs: 400,
    submitDelayMs: 100,
    // Submitting posts with fetch instead of navigating; the tests read what the page's model saw.
    stayOnSubmit: true,
    account: '',
    partitionName: 'AWS',
    signinHost: 'signin.aws.amazon.com',
    clientId: '',
  };
  (win as unknown as { __replicaConfig: unknown }).__replicaConfig = { ...defaults, ...config };
  (win as unknown as { fetch: unknown }).fetch = () => Promise.resolve(new win.Response(''));
  win.document.write(html);
  return win as unknown as Win;
}

export function replicaState(win: Win): Replica {
  return (win as unknown as { __replica: Replica }).__replica;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns something truthy, for at most `ms`. */
export async function until<T>(check: () => T, ms = 1000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value || Date.now() > end) return value;
    await sleep(5);
  }
}

const USER = Symbol('user');
/** Events from a DOM library are never trusted; tests mark the ones that stand for the person. */
export const isUserEvent = (event: Event) => (event as unknown as Record<symbol, boolean>)[USER] === true;

function userEvent<E extends Event>(event: E): E {
  (event as unknown as Record<symbol, boolean>)[USER] = true;
  return event;
}

/** The person typing `value` into a box (replacing what was there). */
export function type(win: Win, input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(userEvent(new win.Event('input', { bubbles: true })));
}

/** The person clicking. */
export function click(win: Win, el: Element): void {
  el.dispatchEvent(userEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true })));
}

/** The person pressing Enter in a box. */
export function enter(win: Win, el: Element): void {
  el.dispatchEvent(
    userEvent(new win.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })),
  );
}

/** The person submitting a form (as the browser fires it after Enter or a submit button). */
export function submit(win: Win, form: Element): void {
  form.dispatchEvent(userEvent(new win.Event('submit', { bubbles: true, cancelable: true })));
}

export const SETTINGS: SignInAnswer['settings'] = {
  autoNextRoot: true,
  fillRememberedUser: true,
  learn: 'always',
};

type Handlers = { [T in RequestType]?: (request: { type: T } & Record<string, unknown>) => unknown };

/** A fake background: records every request and answers from `handlers` (an unhandled type throws). */
export function fakeSend(handlers: Handlers = {}) {
  const requests: ({ type: RequestType } & Record<string, unknown>)[] = [];
  const replies: Promise<unknown>[] = [];
  const send = ((request: { type: RequestType } & Record<string, unknown>) => {
    requests.push(request);
    const handler = handlers[request.type] as ((r: typeof request) => unknown) | undefined;
    const reply = handler
      ? Promise.resolve().then(() => handler(request))
      : Promise.reject(new Error(`No handler for ${request.type}`));
    replies.push(reply);
    return reply;
  }) as unknown as Send<SignInRequest>;
  const of = <T extends RequestType>(type: T) => requests.filter((r) => r.type === type);
  /**
   * Resolves once every reply so far has been delivered and the content script has acted on it (its
   * continuations are microtasks, all run before the next task): the point where "nothing more happened"
   * can be checked without guessing a pause.
   */
  const settled = async () => {
    await Promise.allSettled(replies);
    await new Promise((resolve) => setTimeout(resolve));
  };
  return { send, requests, of, settled };
}

export function answer(partial: Partial<SignInAnswer> = {}): () => SignInAnswer {
  return () => ({ settings: SETTINGS, ...partial });
}

export type LearnReply = Responses['signin.learn'];

/** Captures the closed shadow roots the notice creates, so tests can read and press it like a person. */
export function notices(win: Win) {
  const roots: ShadowRoot[] = [];
  const attach = win.Element.prototype.attachShadow;
  win.Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };
  const live = () => roots.filter((r) => r.host.isConnected);
  return {
    text: () => live().map((r) => r.querySelector('[role=status]')?.firstChild?.textContent),
    button: (name: string) =>
      live()
        .flatMap((r) => [...r.querySelectorAll('button')])
        .find((b) => b.textContent === name),
    all: roots,
  };
}
