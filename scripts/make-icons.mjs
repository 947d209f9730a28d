// Renders Signpost's toolbar and store icons (public/icons/icon-<size>.png) from SVG with headless Chromium.
// Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs are committed.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const NAVY = '#232f3e';
const ORANGE = '#ff9900';
const WHITE = '#ffffff';

// Drawn on a 16-unit grid with edges on whole pixels, so 16 px and 32 px stay crisp.
const small = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" shape-rendering="crispEdges">
  <rect width="16" height="16" rx="3.5" fill="${NAVY}" shape-rendering="geometricPrecision"/>
  <rect x="7" y="1" width="2" height="14" fill="${WHITE}"/>
  <path d="M2 2h9l3 2.5-3 2.5H2z" fill="${ORANGE}" shape-rendering="geometricPrecision"/>
  <path d="M14 8H5l-3 2.5L5 13h9z" fill="${WHITE}" shape-rendering="geometricPrecision"/>
</svg>`;

// The larger sizes get rounder signs and a base for the post.
const large = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect width="128" height="128" rx="28" fill="${NAVY}"/>
  <rect x="57" y="12" width="14" height="98" rx="3" fill="${WHITE}"/>
  <rect x="40" y="104" width="48" height="12" rx="6" fill="${WHITE}"/>
  <path d="M18 20a4 4 0 0 1 4-4h65l20 20-20 20H22a4 4 0 0 1-4-4z" fill="${ORANGE}"/>
  <path d="M110 66a4 4 0 0 0-4-4H41L21 82l20 20h65a4 4 0 0 0 4-4z" fill="${WHITE}"/>
</svg>`;

/** Each output size, the drawing it uses and the transparent margin around it (store icons want 16 of 128). */
const SIZES = [
  { size: 16, svg: small, margin: 0 },
  { size: 32, svg: small, margin: 0 },
  { size: 48, svg: large, margin: 0 },
  { size: 128, svg: large, margin: 16 },
];

const out = fileURLToPath(new URL('../public/icons/', import.meta.url));
await mkdir(out, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  for (const { size, svg, margin } of SIZES) {
    const inner = size - 2 * margin;
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">
        <div style="padding:${margin}px;width:${inner}px;height:${inner}px">
          ${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" style="display:block" `)}
        </div></body></html>`,
    );
    await page.screenshot({
      path: `${out}icon-${size}.png`,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
  }
} finally {
  await browser.close();
}
