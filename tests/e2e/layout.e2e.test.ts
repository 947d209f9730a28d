// The layout check the locale tests rely on, run on small pages with one known fault each, so a clean
// result from it on the real pages means something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchSignpost } from './harness';
import { layoutProblems } from './layout';

let harness: Harness;

beforeAll(async () => {
  harness = await launchSignpost();
});

afterAll(async () => {
  await harness?.close();
});

const FRAME = '<style>body{margin:0;width:300px;font:15px sans-serif} *{box-sizing:border-box}</style>';
const LONG = 'Ausgewählte Konten endgültig löschen';

describe('layoutProblems', () => {
  it.each([
    ['text fits', `<p>${LONG}</p>`, []],
    [
      'an ellipsis cuts text',
      `<span style="display:block;width:80px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${LONG}</span>`,
      ['clipped span'],
    ],
    [
      'text spills out of its box',
      `<div style="width:80px;white-space:nowrap">${LONG}</div>`,
      ['spills out'],
    ],
    [
      'two buttons overlap',
      '<div style="position:relative"><button>Speichern</button><button style="position:absolute;left:20px;top:0">Abbrechen</button></div>',
      ['overlaps'],
    ],
    ['the page scrolls sideways', '<div style="width:3000px;height:10px"></div>', ['scrolls sideways']],
    ['a placeholder is cut', `<input style="width:80px" placeholder="${LONG}">`, ['placeholder cut off']],
    [
      'the popup row shortens an alias by design',
      `<span class="row__alias" style="display:block;width:40px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap">${LONG}</span>`,
      [],
    ],
  ])('%s', async (_, html, expected: string[]) => {
    const page = await harness.browser.newPage();
    await page.setContent(`${FRAME}${html}`);
    const problems = await layoutProblems(page);
    expect(problems).toHaveLength(expected.length);
    for (const [i, start] of expected.entries()) expect(problems[i]).toContain(start);
    await page.close();
  });
});
