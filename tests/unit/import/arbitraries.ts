// fast-check generators of valid Signpost records, for the property tests of import and export.
import fc from 'fast-check';
import { MAX_USES } from '../../../lib/frecency';
import { isAlias } from '../../../lib/ids';
import { type Account, accountSchema } from '../../../lib/schema';
import { signInId } from '../../../lib/sign-in-kinds';

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
const word = (max: number) => fc.string({ unit: lower, minLength: 1, maxLength: max });

export const accountIdArb = digits(12);
export const aliasArb = fc
  .array(word(12), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('-'))
  .filter(isAlias);
export const userNameArb = fc.stringMatching(/^[\w+=,.@-]{1,64}$/);
export const emailArb = fc
  .tuple(word(20), word(15), fc.constantFrom('com', 'org', 'co.uk'))
  .map(([a, b, c]) => `${a}@${b}.${c}`);
const regionArb = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1');
const colourArb = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
const tagArb = fc.stringMatching(/^[a-z0-9_-]{1,32}$/);
const landingArb = fc.constantFrom(
  '/s3',
  '/ec2/home',
  'cloudwatch/home?region=eu-west-1#dashboards',
  '/console/home',
);
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
// Sane frecency: an import caps uses at MAX_USES and a last use at the time of the import (before 2025-06 here).
const frecency = {
  uses: fc.nat({ max: MAX_USES }),
  lastUsed: fc.integer({ min: 0, max: 1_750_000_000_000 }),
};

/** Access portals per partition (China has no Identity Center portal form Signpost accepts). */
const PORTALS: Record<Account['partition'], string[]> = {
  aws: [
    'https://d-1234567890.awsapps.com/start',
    'https://corp.awsapps.com/start',
    'https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws',
  ],
  'aws-us-gov': [
    'https://start.us-gov-home.awsapps.com/directory/corp',
    'https://ssoins-0123456789abcdef.portal.us-gov-west-1.app.aws',
  ],
  'aws-cn': [],
};
export const permissionSetArb = fc.stringMatching(/^[\w+=,.@-]{1,32}$/);
export const roleNameArb = fc
  .tuple(fc.constantFrom('', 'division/', 'a/b-c/'), fc.stringMatching(/^[\w+=,.@-]{1,64}$/))
  .map(([path, name]) => `${path}${name}`);
const displayNameArb = fc.stringMatching(/^[\w.-]{1,20}(?: [\w.()-]{1,20})?$/);

export const accountArb: fc.Arbitrary<Account> = fc
  .record(
    {
      key: fc.uuid(),
      partition: fc.constantFrom('aws', 'aws', 'aws-us-gov', 'aws-cn') as fc.Arbitrary<Account['partition']>,
      accountId: fc.option(accountIdArb, { nil: undefined }),
      alias: fc.option(aliasArb, { nil: undefined }),
      label: fc.option(
        fc.string({ maxLength: 100 }).map((s) => s.trim()),
        { nil: undefined },
      ),
      colour: fc.option(colourArb, { nil: undefined }),
      tags: fc.uniqueArray(tagArb, { maxLength: 5 }),
      notes: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
      region: fc.option(regionArb, { nil: undefined }),
      landingPath: fc.option(landingArb, { nil: undefined }),
      users: fc.uniqueArray(fc.record({ userName: userNameArb, ...frecency }), {
        maxLength: 4,
        selector: (u) => u.userName.toLowerCase(),
      }),
      root: fc.option(fc.record({ email: emailArb, ...frecency }), { nil: undefined }),
      ssos: fc.array(fc.record({ portal: fc.nat(2), roleName: permissionSetArb, ...frecency }), {
        maxLength: 3,
      }),
      switches: fc.array(
        fc.record(
          {
            roleName: roleNameArb,
            displayName: displayNameArb,
            colour: colourArb,
            ...frecency,
          },
          { requiredKeys: ['roleName', 'uses', 'lastUsed'] },
        ),
        { maxLength: 3 },
      ),
      createdAt: time,
      updatedAt: time,
    },
    { requiredKeys: ['key', 'partition', 'tags', 'users', 'ssos', 'switches', 'createdAt', 'updatedAt'] },
  )
  .map(({ users, root, ssos, switches, ...rest }) => {
    const withRoot = rest.partition === 'aws' ? root : undefined;
    const accountId = rest.accountId ?? (rest.alias || withRoot ? rest.accountId : '000000000000');
    const portals = PORTALS[rest.partition];
    const seen = new Set<string>();
    const once = <S extends Parameters<typeof signInId>[0]>(s: S) =>
      !seen.has(signInId(s)) && !!seen.add(signInId(s));
    const account = {
      ...rest,
      accountId,
      signIns: [
        ...users.map((u) => ({ type: 'iam' as const, ...u })),
        ...(withRoot ? [{ type: 'root' as const, ...withRoot }] : []),
        // An Identity Center sign-in needs the account ID and a portal in the account's partition.
        ...(accountId && portals.length
          ? ssos.map(({ portal, ...s }) => ({
              type: 'sso' as const,
              startUrl: portals[portal % portals.length]!,
              ...s,
            }))
          : []
        ).filter(once),
        ...switches.map((s) => ({ type: 'switch' as const, ...s })).filter(once),
      ],
    };
    // Drop keys left undefined, as a stored record has them.
    return accountSchema.parse(
      Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined)),
    );
  });

/** Valid accounts with distinct keys, account IDs, aliases and root emails, as a store holds them. */
export const storeArb = fc
  .uniqueArray(accountArb, {
    maxLength: 20,
    selector: (a) => a.key,
  })
  .map((accounts) => {
    const seen = new Set<string>();
    return accounts.filter((a) => {
      const names = [
        a.accountId && `${a.partition}:id:${a.accountId}`,
        a.alias && `${a.partition}:alias:${a.alias}`,
        ...a.signIns.flatMap((s) => (s.type === 'root' ? [`root:${s.email.toLowerCase()}`] : [])),
      ].filter(Boolean) as string[];
      if (names.some((n) => seen.has(n))) return false;
      for (const n of names) seen.add(n);
      return true;
    });
  });
