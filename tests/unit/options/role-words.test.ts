// How the import preview names the roles an account gains, for new and for updated accounts.
import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../lib/options/changes';
import { addedRoles } from '../../../lib/options/role-words';
import type { Account, SignIn } from '../../../lib/schema';
import { portalShortName } from '../../../lib/sign-in-links';

const f = { uses: 0, lastUsed: 0 };
const account = (signIns: SignIn[]): Account => ({
  key: 'k',
  partition: 'aws',
  accountId: '123456789012',
  tags: [],
  signIns,
  createdAt: 0,
  updatedAt: 0,
});

describe('portalShortName', () => {
  it.each([
    ['https://d-1234567890.awsapps.com/start', 'd-1234567890'],
    ['https://corp.awsapps.com/start', 'corp'],
    ['https://start.us-gov-home.awsapps.com/directory/gov-corp', 'gov-corp'],
    ['https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws', 'ssoins-0123456789abcdef'],
  ])('%s → %s', (url, name) => {
    expect(portalShortName(url)).toBe(name);
  });
});

describe('roles an import adds', () => {
  const admin: SignIn = {
    type: 'sso',
    startUrl: 'https://d-1234567890.awsapps.com/start',
    roleName: 'Admin',
    ...f,
  };
  const dev: SignIn = { type: 'switch', roleName: 'Dev', displayName: 'dev account', ...f };
  const alice: SignIn = { type: 'iam', userName: 'alice', ...f };

  it('names each new role by its kind, and nothing for users', () => {
    expect(addedRoles([], [alice, admin, dev])).toEqual([
      'Identity Center role Admin on d-1234567890',
      'switch role Dev',
    ]);
  });

  it('does not name a role the account already had, in any spelling', () => {
    expect(addedRoles([{ ...admin, roleName: 'admin' }, dev], [admin, { ...dev, roleName: 'DEV' }])).toEqual(
      [],
    );
  });

  it('says so in the list of changes of an updated account', () => {
    expect(describeChanges(account([alice]), account([alice, admin, dev]))).toEqual([
      'adds Identity Center role Admin on d-1234567890',
      'adds switch role Dev',
    ]);
  });
});
