import { describe, expect, it } from 'vitest';
import { signInUrlOf } from '../../../lib/account';
import { canRoute, isAwsPage, routeTabId, targetOf } from '../../../lib/popup/model';
import { flatten } from '../../../lib/search';
import { account, iam, root } from './fixtures';

describe('routeTabId: Enter reuses the current tab only when nothing worth keeping is there', () => {
  it.each([
    ['https://console.aws.amazon.com/console/home', 5],
    ['https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1', 5],
    ['https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/s3', 5],
    ['https://console.amazonaws-us-gov.com/', 5],
    ['https://console.amazonaws.cn/', 5],
    ['https://signin.aws.amazon.com/oauth?x=1', 5],
    ['https://123456789012.signin.aws.amazon.com/console', 5],
    ['chrome://newtab/', 5],
    ['chrome://new-tab-page/', 5],
    ['edge://newtab/', 5],
    ['about:newtab', 5],
    ['about:blank', 5],
    ['https://docs.aws.amazon.com/IAM/latest/UserGuide/', undefined],
    ['https://console.aws.amazon.com.evil.test/', undefined],
    ['http://console.aws.amazon.com/', undefined],
    ['https://mail.example.com/inbox', undefined],
    ['chrome://settings/', undefined],
    [undefined, undefined],
  ])('%s → %s', (url, expected) => {
    expect(routeTabId({ id: 5, url }, undefined, false)).toBe(expected);
  });

  it('always opens a new tab for Ctrl/Cmd+Enter and when the popup is the current tab', () => {
    const aws = { id: 5, url: 'https://console.aws.amazon.com/' };
    expect(routeTabId(aws, undefined, true)).toBeUndefined();
    expect(routeTabId(aws, { id: 5 }, false)).toBeUndefined();
    expect(routeTabId(undefined, undefined, false)).toBeUndefined();
  });

  it('recognises console hosts by label, not by substring', () => {
    expect(isAwsPage('https://notconsole.aws.amazon.com/')).toBe(false);
    expect(isAwsPage('https://console.aws.amazon.com:8443/')).toBe(false);
  });
});

describe('entries → routes and URLs', () => {
  const prod = account({
    key: 'p',
    accountId: '123456789012',
    alias: 'prod',
    region: 'eu-west-1',
    landingPath: '/s3',
    signIns: [iam('admin'), root('o@example.com')],
  });
  const cn = account({ key: 'c', partition: 'aws-cn', alias: 'ops-cn', signIns: [root('r@example.com')] });
  const rootOnly = account({ key: 'r', signIns: [root('r@example.com'), iam('orphan')] });

  it('targets the IAM user, root or account page of an entry', () => {
    expect(flatten([prod]).map(targetOf)).toEqual([{ type: 'iam', userName: 'admin' }, { type: 'root' }]);
  });

  it('copies the account ID URL (stable even if the alias changes) with region and landing page', () => {
    expect(signInUrlOf(prod)).toBe('https://123456789012.signin.aws.amazon.com/console/s3?region=eu-west-1');
    expect(signInUrlOf(cn)).toBe('https://ops-cn.signin.amazonaws.cn/console');
    expect(signInUrlOf(rootOnly)).toBeUndefined();
  });

  it('cannot route root outside the standard partition, nor IAM users without an ID or alias', () => {
    expect(flatten([prod]).map(canRoute)).toEqual([true, true]);
    expect(flatten([cn]).map(canRoute)).toEqual([false]);
    expect(flatten([rootOnly]).map(canRoute)).toEqual([true, false]);
  });
});
