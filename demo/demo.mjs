#!/usr/bin/env node
// `npm run demo`: builds Signpost and opens it in a throwaway Chromium window against a local replica of the
// AWS sign-in pages, seeded with sample accounts. `npm run demo -- --headless` runs the tour instead and
// writes screenshots and a log to demo-out/. Node 20 cannot run TypeScript, so the playground itself
// (demo/run.ts, on the e2e harness) is loaded through Vite's module runner (`runnerImport`, what Vite uses to
// load TypeScript config files; marked experimental, and Vite is pinned in package.json).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm run demo [-- --headless] [-- --no-build] [-- --out <dir>] [-- --store]

  (no options)   build Signpost, open Chromium with it and sample accounts (needs a display)
  --headless     run the tour without a window: screenshots, tour.log and tour.json in demo-out/
  --out <dir>    where --headless writes (default demo-out)
  --store        with --headless: also write the store's 1280 × 800 screenshots to docs/store/
  --no-build     use the last build (.output/chrome-mv3, or $SIGNPOST_OUT_DIR/chrome-mv3)

Chromium: $CHROME_PATH or /usr/bin/chromium.
`;

const write = (line) => process.stdout.write(`${line}\n`);
const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

function parseArgs(argv) {
  const args = { headless: false, build: true, out: 'demo-out', store: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--headless') args.headless = true;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--store') args.store = true;
    else if (arg === '--out' && argv[i + 1]) args.out = argv[++i];
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else fail(`Unknown option ${arg}.\n\n${USAGE}`);
  }
  return args;
}

/** On Linux a window needs an X or Wayland display; macOS and Windows always have one. */
function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function build() {
  const outDir = process.env.SIGNPOST_OUT_DIR ?? '.output';
  write(`Building Signpost into ${join(outDir, 'chrome-mv3')} (wxt build)…`);
  const wxt = join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  if (!existsSync(wxt)) fail('WXT is not installed; run `npm install` first.');
  const result = spawnSync(process.execPath, [wxt, 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    fail('The build failed (output above).');
  }
}

const args = parseArgs(process.argv.slice(2));
process.chdir(ROOT);

if (!args.headless && !hasDisplay()) {
  fail(
    [
      'No display: $DISPLAY and $WAYLAND_DISPLAY are empty, so the playground cannot open a Chromium window.',
      'Run the same tour without a window; it saves a screenshot of every step and a log:',
      '',
      '  npm run demo -- --headless',
    ].join('\n'),
  );
}

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chrome)) {
  // On Debian this installs Chromium (as root or through sudo); elsewhere it explains and we stop below.
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-browsers.mjs'), 'chromium'], {
      stdio: 'inherit',
    });
  } catch {}
}
if (!existsSync(chrome)) {
  fail(
    `No Chromium at ${chrome}. Install it (Debian: apt-get install -y chromium) or point CHROME_PATH at Chrome or Chromium.`,
  );
}

if (args.build) build();

const started = performance.now();
const { runnerImport } = await import('vite');
const { module: playground } = await runnerImport(join(ROOT, 'demo', 'run.ts'), {
  configFile: false,
  logLevel: 'error',
});

try {
  if (args.headless) {
    const passed = await playground.runHeadless(args.out, write);
    write(`Tour finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    if (args.store && passed) {
      const { module: store } = await runnerImport(join(ROOT, 'demo', 'store.ts'), {
        configFile: false,
        logLevel: 'error',
      });
      for (const path of await store.storeScreenshots(args.out)) write(`Store screenshot: ${path}`);
    }
    process.exitCode = passed ? 0 : 1;
  } else {
    await playground.runWindowed(write);
    write('Playground closed; its profile is gone.');
  }
} catch (error) {
  fail(`The playground stopped: ${error instanceof Error ? error.message : String(error)}`);
}
