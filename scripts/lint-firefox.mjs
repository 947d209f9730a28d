// Runs `web-ext lint` (offline) on the Firefox build. Fails on any error, and on any warning that is not
// one of the explained ones below; prints every finding so the README's explanation can be checked.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(process.env.SIGNPOST_OUT_DIR ?? '.output', 'firefox-mv2');
if (!existsSync(resolve(dir, 'manifest.json'))) {
  console.error(`No Firefox build at ${dir}: run \`npm run build:firefox\` first.`);
  process.exit(1);
}
// Each explained warning names the code that causes it, checked in the flagged file itself, so a new
// instance from anywhere else still fails.
const EXPLAINED = {
  // Preact's renderer supports dangerouslySetInnerHTML (the `__html` prop); Signpost never uses it.
  UNSAFE_VAR_ASSIGNMENT: (text) => text.includes('__html'),
  // zod probes `Function('')` to decide whether it may compile validators; Signpost configures zod as
  // jitless (lib/schema.ts), so nothing is compiled, and the extension CSP forbids eval anyway.
  DANGEROUS_EVAL: (text) => text.includes('jitless'),
};

let out;
try {
  out = execFileSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', dir, '--self-hosted=false', '--output=json', '--no-config-discovery'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
} catch (error) {
  out = error.stdout; // web-ext exits non-zero when it finds errors; the JSON is still printed.
}
const report = JSON.parse(out);
const findings = ['errors', 'warnings', 'notices'].flatMap((kind) =>
  report[kind].map((m) => ({ kind, ...m })),
);
let unexplained = 0;
for (const f of findings) {
  const file = f.file ? resolve(dir, f.file) : undefined;
  const explained =
    f.kind !== 'errors' && file && existsSync(file) && EXPLAINED[f.code]?.(readFileSync(file, 'utf8'));
  if (!explained && f.kind !== 'notices') unexplained++;
  console.log(`${f.kind.slice(0, -1)} ${f.code} ${f.file ?? ''} ${explained ? '(explained in README)' : ''}`);
}
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices; ${unexplained} unexplained`,
);
process.exit(unexplained === 0 ? 0 : 1);
