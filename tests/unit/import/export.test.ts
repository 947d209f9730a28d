// The export document: versioned, complete, named by date.
import { describe, expect, it } from 'vitest';
import { exportFileName, exportJson } from '../../../lib/export';
import { type Account, DEFAULT_SETTINGS } from '../../../lib/schema';

const account: Account = {
  key: 'k1',
  partition: 'aws',
  accountId: '123456789012',
  tags: ['prod'],
  signIns: [{ type: 'iam', userName: 'alice', uses: 3, lastUsed: 1000 }],
  createdAt: 10,
  updatedAt: 20,
};

describe('exportJson', () => {
  it('writes the versioned document with settings and every account', () => {
    const doc = JSON.parse(exportJson([account], DEFAULT_SETTINGS, Date.UTC(2025, 4, 6, 12)));
    expect(doc).toEqual({
      format: 'signpost',
      version: 2,
      exportedAt: '2025-05-06T12:00:00.000Z',
      settings: DEFAULT_SETTINGS,
      accounts: [account],
    });
  });

  it('starts with the format and version so a person opening the file sees what it is', () => {
    expect(exportJson([], DEFAULT_SETTINGS, 0).split('\n').slice(0, 4)).toEqual([
      '{',
      '  "format": "signpost",',
      '  "version": 2,',
      '  "exportedAt": "1970-01-01T00:00:00.000Z",',
    ]);
  });

  it.each([
    [new Date(2025, 0, 2, 0, 0, 1).getTime(), 'signpost-export-2025-01-02.json'],
    [new Date(2025, 11, 31, 23, 59).getTime(), 'signpost-export-2025-12-31.json'],
  ])('names the file by the local date: %i → %s', (now, name) => {
    expect(exportFileName(now)).toBe(name);
  });
});
