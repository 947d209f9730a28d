// How a sign-in made by hand joins the accounts Signpost knows. Learning is the one write nobody reviews,
// so it is narrower than an import: it never joins two records and never moves an identifier from one
// account to another. It may add an alias or an account ID to one record only when nothing else holds it.
import { recordUse } from './frecency';
import type { AccountRef, Partition } from './ids';
import { type AccountIndex, type MergeOptions, type MergeResult, sameSignIn } from './merge';
import type { Account, IamSignIn, RootSignIn, SignIn, SsoSignIn, SwitchSignIn } from './schema';
import { withDetails } from './sign-in-kinds';

export interface LearnedSignIn {
  partition: Partition;
  /**
   * The account the person signed in to: what the IAM page's or the Switch Role form's account box held,
   * or the account ID a portal's shortcut link names.
   */
  box?: AccountRef;
  /** What the page's host names, on an account host (`acme.signin…`): the account the page was for. */
  host?: AccountRef;
  signIn:
    | Pick<IamSignIn, 'type' | 'userName'>
    | Pick<RootSignIn, 'type' | 'email'>
    | Pick<SsoSignIn, 'type' | 'startUrl' | 'roleName'>
    | Pick<SwitchSignIn, 'type' | 'roleName' | 'displayName' | 'colour'>;
}

const kindOf = (ref: AccountRef) => ('accountId' in ref ? 'accountId' : 'alias');

/** Finds the record a learned sign-in belongs to, and the identifier it may add to it, if any. */
function place(index: AccountIndex, learned: LearnedSignIn): { record?: Account; add?: AccountRef } {
  const { partition, box, host, signIn } = learned;
  if (signIn.type === 'root') return { record: index.byRootEmail(signIn.email) };
  if (!box) return {};
  // The host links only when it names the other kind of identifier (an alias host and an ID in the box).
  const link = host && kindOf(host) !== kindOf(box) ? host : undefined;
  const boxed = index.byRef(partition, box);
  const hosted = link ? index.byRef(partition, link) : undefined;
  if (boxed) {
    // Two known records stay two; a known record gains the host's identifier only if it has none of that kind.
    const add = link && !hosted && boxed[kindOf(link)] === undefined ? link : undefined;
    return { record: boxed, add };
  }
  if (hosted && hosted[kindOf(box)] === undefined) return { record: hosted, add: box };
  return { add: hosted ? box : { ...box, ...link } };
}

/** The fields of a learned sign-in that it gives (no frecency: that is counted separately). */
/**
 * Records a sign-in made by hand: on the account it names (see `place`), or on a new account. Its use is
 * counted. `status` is `unchanged` when the sign-in and the identifiers were known already.
 */
export function learnSignIn(index: AccountIndex, learned: LearnedSignIn, options: MergeOptions): MergeResult {
  const { record, add } = place(index, learned);
  const base: Account = record ?? {
    key: options.newKey(),
    partition: learned.signIn.type === 'root' ? 'aws' : learned.partition,
    tags: [],
    signIns: [],
    createdAt: options.now,
    updatedAt: options.now,
  };
  const incoming: SignIn = { ...learned.signIn, uses: 0, lastUsed: 0 };
  const known = base.signIns.find((s) => sameSignIn(s, incoming));
  // A switch role's display name and colour are what the person just typed or chose: they replace the stored
  // ones (a box left empty keeps what was there). Names keep their first spelling.
  const facts = known?.type === 'switch' ? withDetails(known, incoming) : (known ?? incoming);
  const changed = known !== undefined && JSON.stringify(facts) !== JSON.stringify(known);
  const counted = { ...facts, ...recordUse(known ?? incoming, options.now) } as SignIn;
  const account: Account = {
    ...base,
    ...add,
    signIns: known ? base.signIns.map((s) => (s === known ? counted : s)) : [...base.signIns, counted],
    updatedAt: options.now,
  };
  index.add(account);
  const status = !record ? 'added' : known && !add && !changed ? 'unchanged' : 'updated';
  return { account, status, put: [account], remove: [] };
}
