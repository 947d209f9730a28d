// @vitest-environment happy-dom
// Identity Center and switch-role rows in the popup: what they show and say (the contract's accessible name),
// the switch role's colour, what Enter routes to and what the copy button gives.
import { describe, expect, it } from 'vitest';
import { canRoute } from '../../../lib/popup/routing';
import { buildIndex } from '../../../lib/search';
import { account, iam, root, sso, switchRole } from './fixtures';
import { renderPopup } from './render-popup';

const shared = account({
  key: 'shr',
  accountId: '123456789012',
  alias: 'shared-prod',
  label: 'Shared services',
  colour: '#d62728',
  region: 'eu-west-1',
  signIns: [
    sso('https://mycorp.awsapps.com/start', 'AdministratorAccess', 9, 0),
    switchRole('ops/ReadOnly', { displayName: 'Shared RO', colour: '#2ca02c' }, 5, 1),
    iam('operator', 1, 2),
  ],
});
const byAlias = account({
  key: 'ali',
  alias: 'legacy-app',
  signIns: [switchRole('Deployer', {}, 3, 1)],
});
const gov = account({
  key: 'gov',
  partition: 'aws-us-gov',
  accountId: '333344445555',
  label: 'Gov workloads',
  signIns: [sso('https://start.us-gov-home.awsapps.com/directory/acme', 'ReadOnly', 2, 5)],
});

describe('popup: Identity Center and switch-role rows', () => {
  it('names the role and its kind in each option, with the portal or display name', async () => {
    const popup = await renderPopup([shared, byAlias, gov]);
    expect(popup.options().map((o) => o.getAttribute('aria-label'))).toEqual([
      'Shared services, shared-prod, 1234-5678-9012, AdministratorAccess, Identity Center, mycorp.awsapps.com',
      'Shared services, shared-prod, 1234-5678-9012, ops/ReadOnly, switch role, Shared RO',
      'legacy-app, Deployer, switch role',
      'Gov workloads, 3333-4444-5555, ReadOnly, Identity Center, start.us-gov-home.awsapps.com/directory/acme, GovCloud',
      'Shared services, shared-prod, 1234-5678-9012, operator',
    ]);
  });

  it("shows the kind as a mark, and a switch role's colour as the row's (else the account's)", async () => {
    const popup = await renderPopup([shared]);
    const [portal, role, user] = popup.options();
    expect(portal!.querySelector('.row__kind')!.textContent).toBe('Identity Center');
    expect(portal!.querySelector('.row__portal')!.textContent).toBe('mycorp.awsapps.com');
    expect(portal!.querySelector<HTMLElement>('.row__mark')!.style.background).toBe('#d62728');
    expect(role!.querySelector('.row__kind')!.textContent).toBe('switch role');
    expect(role!.querySelector('.row__display')!.textContent).toBe('Shared RO');
    expect(role!.querySelector<HTMLElement>('.row__mark')!.style.background).toBe('#2ca02c');
    expect(user!.querySelector('.row__kind')).toBeNull();
  });

  it('finds a role by name and marks it in the row', async () => {
    const popup = await renderPopup([shared, byAlias, gov]);
    await popup.type('readonly ops');
    const [first] = popup.options();
    expect(first!.getAttribute('aria-label')).toContain('ops/ReadOnly, switch role');
    expect([...first!.querySelectorAll('.row__who mark')].map((m) => m.textContent)).toEqual([
      'ops',
      'ReadOnly',
    ]);
  });

  it('routes Enter to the role it shows', async () => {
    const popup = await renderPopup([shared]);
    await popup.press('Enter');
    expect(popup.requests.at(-1)).toMatchObject({
      type: 'route.open',
      key: 'shr',
      target: { type: 'sso', startUrl: 'https://mycorp.awsapps.com/start', roleName: 'AdministratorAccess' },
    });
    await popup.press('ArrowDown');
    await popup.press('Enter');
    expect(popup.requests.at(-1)).toMatchObject({ target: { type: 'switch', roleName: 'ops/ReadOnly' } });
  });

  it('copies the shortcut link of an Identity Center row and the switch-role link of a switch row, saying so', async () => {
    const popup = await renderPopup([shared, byAlias]);
    await popup.click(popup.button('Copy the link to role AdministratorAccess of Shared services')!);
    expect(popup.deps.copy).toHaveBeenLastCalledWith(
      'https://mycorp.awsapps.com/start/#/console?account_id=123456789012&role_name=AdministratorAccess&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1',
    );
    expect(popup.container.querySelector('[role="status"]')!.textContent).toBe('Link to the role copied.');
    await popup.press('ArrowDown');
    await popup.click(popup.button('Copy the link to role ops/ReadOnly of Shared services')!);
    expect(popup.deps.copy).toHaveBeenLastCalledWith(
      'https://signin.aws.amazon.com/switchrole?roleName=ops%2FReadOnly&account=123456789012&displayName=Shared+RO',
    );
    await popup.press('ArrowDown');
    await popup.click(popup.button('Copy the link to role Deployer of legacy-app')!);
    expect(popup.deps.copy).toHaveBeenLastCalledWith(
      'https://signin.aws.amazon.com/switchrole?roleName=Deployer&account=legacy-app',
    );
  });
});

describe('popup: a role on an account without ID or alias', () => {
  it('is shown as one that needs an ID or alias, and Enter says why instead of routing', async () => {
    const noName = account({ key: 'x', signIns: [root('owner@example.com'), switchRole('Admin')] });
    const popup = await renderPopup([noName]);
    const role = popup.options().find((o) => o.getAttribute('aria-label')?.includes('switch role'))!;
    expect(role.getAttribute('aria-label')).toBe(
      'owner@example.com, Admin, switch role, needs an account ID or alias',
    );
    expect(role.getAttribute('aria-disabled')).toBe('true');
    await popup.click(role);
    expect(popup.requests.some((r) => r.type === 'route.open')).toBe(false);
    expect(popup.container.querySelector('[role="status"]')?.textContent).toBe(
      'This account has no account ID or alias yet, so it has no sign-in page.',
    );
  });
});

describe('canRoute', () => {
  it('routes a switch role by ID or alias and an Identity Center role by ID', () => {
    const noName = account({ key: 'x', signIns: [switchRole('Admin')] });
    const [portal, role] = buildIndex([shared, noName, byAlias]).entries.filter((e) => e.kind !== 'iam');
    const entries = buildIndex([shared, noName, byAlias]).entries;
    expect(canRoute(portal!)).toBe(true);
    expect(canRoute(role!)).toBe(true);
    expect(entries.filter((e) => e.account.key === 'x').map(canRoute)).toEqual([false]);
    expect(entries.filter((e) => e.account.key === 'ali').map(canRoute)).toEqual([true]);
  });
});
