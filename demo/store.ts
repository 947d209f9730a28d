// The Chrome Web Store's screenshots (1280 × 800): frames around the pictures the playground tour just
// took, each with one line of what it shows. `npm run demo -- --headless --store` writes docs/store/*.png.
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH } from '../tests/e2e/harness';

export const STORE_SIZE = { width: 1280, height: 800 };

/** Tour screenshot → the store picture's name and caption. */
const PICTURES: { from: string; name: string; caption: string }[] = [
  { from: '02-popup.png', name: '1-popup', caption: 'Every AWS account you sign in to, most used first.' },
  { from: '03-search.png', name: '2-search', caption: 'Type a few letters of a label, alias, ID or user.' },
  {
    from: '04-iam-filled.png',
    name: '3-filled',
    caption: 'Enter opens the right sign-in page, filled in except the password.',
  },
  { from: '06-learned.png', name: '4-learned', caption: 'Sign in by hand once; Signpost remembers it.' },
  {
    from: '07-import-preview.png',
    name: '5-import',
    caption: 'Import from AWS Organizations, AWS config or CSV, with a preview first.',
  },
];

function frame(caption: string, image: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><style>
    html,body{margin:0;width:${STORE_SIZE.width}px;height:${STORE_SIZE.height}px;overflow:hidden}
    body{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:28px;
      background:linear-gradient(160deg,#0f1b2d,#1d3557);font:600 30px/1.3 system-ui,sans-serif;color:#fff}
    p{margin:0;max-width:1100px;text-align:center}
    img{max-width:1180px;max-height:640px;border-radius:10px;box-shadow:0 12px 40px #0008;background:#fff}
  </style><p>${caption}</p><img src="data:image/png;base64,${image}" alt=""></html>`;
}

/** Writes one 1280 × 800 PNG per picture into `outDir`; returns their paths. */
export async function storeScreenshots(tourDir: string, outDir = 'docs/store'): Promise<string[]> {
  await mkdir(resolve(outDir), { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
    defaultViewport: STORE_SIZE,
  });
  const written: string[] = [];
  try {
    const page = await browser.newPage();
    for (const picture of PICTURES) {
      const image = (await readFile(join(tourDir, picture.from))).toString('base64');
      await page.setContent(frame(picture.caption, image), { waitUntil: 'load' });
      const path = resolve(outDir, `${picture.name}.png`);
      await page.screenshot({ path, clip: { x: 0, y: 0, ...STORE_SIZE } });
      written.push(path);
    }
  } finally {
    await browser.close();
  }
  return written;
}
