import { describe, expect, it } from 'vitest';
import { formatAccountId, isAlias, normaliseAccountId, parseAccountRef } from '../../lib/ids';

describe('account IDs', () => {
  it.each([
    ['123456789012', '123456789012'],
    ['1234-5678-9012', '123456789012'],
    [' 1234 5678 9012 ', '123456789012'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseAccountId(input)).toBe(expected);
  });

  it('formats a 12-digit ID for reading', () => {
    expect(formatAccountId('123456789012')).toBe('1234-5678-9012');
  });
});

describe('aliases', () => {
  it.each([
    ['acme-prod', true],
    ['a1b', true],
    ['ab', false],
    ['-acme', false],
    ['acme-', false],
    ['ac--me', false],
    ['Acme', false],
    ['123456789012', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
  ])('%j is an alias: %s', (input, expected) => {
    expect(isAlias(input)).toBe(expected);
  });
});

describe('what the user typed in an account box', () => {
  it.each([
    ['1234-5678-9012', { accountId: '123456789012' }],
    ['Acme-Prod', { alias: 'acme-prod' }],
    ['root@example.com', undefined],
    ['12345', undefined],
  ])('%j reads as %j', (input, expected) => {
    expect(parseAccountRef(input)).toEqual(expected);
  });
});
