// The mutation corpus (mutations.ts) against the content script: every variant gets its outcome, and no
// variant ever gets a wrong fill — a value in a box that is not the one the replica means for it.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isChecked } from '../../../lib/page/dom';
import { run } from '../../../lib/page/run';
import {
  ACCOUNT_URL,
  answer,
  fakeSend,
  isUserEvent,
  MAIN_URL,
  replica,
  replicaState,
  SETTINGS,
  until,
} from './fixtures';
import { mutate } from './mutate';
import { CORPUS, type Mutant, TARGETS } from './mutations';

const EMAIL = 'owner@example.com';
const ROUTES = {
  main: { route: { type: 'root', email: EMAIL }, settings: { ...SETTINGS, autoNextRoot: false } },
  iam: { route: { type: 'iam', account: '123456789012', userName: 'alice' } },
} as const;
interface Result {
  status: string | undefined;
  filled: boolean;
  /** Text boxes whose value changed that are not the target of any role. */
  stray: number;
}

async function play(mutant: Mutant): Promise<Result> {
  const main = mutant.replica.startsWith('main');
  const win = replica(mutant.replica, main ? MAIN_URL : ACCOUNT_URL);
  const doc = win.document;
  const targets = TARGETS[mutant.replica]!;
  await until(() => replicaState(win)?.ready && doc.querySelector(main ? targets.box! : targets.account!));
  const el = (role: string) => doc.querySelector<HTMLInputElement>(targets[role]!)!;
  const [box, radio, account, userName, submit] = ['box', 'radio', 'account', 'userName', 'submit'].map(
    (role) => (targets[role] ? el(role) : undefined),
  );
  mutate(doc, mutant.ops);
  const meant = [box, account, userName];
  const texts = [...doc.querySelectorAll('input')].filter((i) => !/radio|checkbox|hidden/.test(i.type));
  const before = new Map(texts.map((input) => [input, input.value]));

  const bg = fakeSend({ 'signin.query': answer(main ? ROUTES.main : ROUTES.iam), 'signin.done': () => ({}) });
  const options = { waitMs: 150, settleMs: 0, guard: { pollMs: 10, windowMs: 30 }, isUserEvent };
  const status = await run(doc, win, bg.send, Date.now, options);
  const stray = texts.filter((input) => !meant.includes(input) && input.value !== before.get(input)).length;
  let filled: boolean;
  if (main) filled = box!.value === EMAIL && isChecked(radio);
  else {
    // The replica's own model judges the IAM fill: it must submit what Signpost put in the boxes.
    submit!.click();
    const sent = replicaState(win).submitted;
    filled = sent?.account === '123456789012' && sent.username === 'alice';
  }
  const changed = meant.some((input) => input && input.value !== before.get(input));
  return { status, filled: filled && status === 'filled', stray: stray + (!filled && changed ? 1 : 0) };
}

const rows: (Mutant & Result)[] = [];

describe('mutation corpus: plausible next AWS pages get the right fill or no fill, never a wrong one', () => {
  it.each(CORPUS.map((m) => [`${m.replica}: ${m.name} → ${m.outcome}`, m] as const))(
    '%s',
    async (_, mutant) => {
      const result = await play(mutant);
      rows.push({ ...mutant, ...result });
      expect(result.stray, 'a value landed in a box not meant for it').toBe(0);
      if (mutant.outcome === 'fill') expect(result).toMatchObject({ status: 'filled', filled: true });
      else
        expect([result.filled, ['no-match', 'unsupported-page'].includes(result.status!)]).toEqual([
          false,
          true,
        ]);
    },
  );

  it('has at least 40 variants, zero wrong fills, and fills at least 80 % of the fillable ones', () => {
    expect(rows).toHaveLength(CORPUS.length);
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    const wrong = rows.filter((r) => r.stray > 0 || (r.outcome === 'no-match' && r.filled));
    expect(wrong.map((r) => r.name)).toEqual([]);
    const fillable = rows.filter((r) => r.outcome === 'fill');
    expect(fillable.filter((r) => r.filled).length / fillable.length).toBeGreaterThanOrEqual(0.8);
  });
});

afterAll(() => {
  const fillable = rows.filter((r) => r.outcome === 'fill');
  const table = [
    '| replica | variant | must get | got (status) |',
    '|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.replica} | ${r.name} | ${r.outcome} | ${r.filled ? 'fill' : 'no fill'} (${r.status}) |`,
    ),
    '',
    `${rows.length} variants; filled ${fillable.filter((r) => r.filled).length} of ${fillable.length} fillable; ` +
      `wrong fills: ${rows.filter((r) => r.stray > 0 || (r.outcome === 'no-match' && r.filled)).length}.`,
  ].join('\n');
  // CORPUS_TABLE=docs/mutation-corpus.md writes the table for the docs; otherwise it goes to the test log.
  if (process.env.CORPUS_TABLE) writeFileSync(process.env.CORPUS_TABLE, `${table}\n`);
  else process.stdout.write(`${table}\n`);
});
