// Runs before the e2e suite: makes sure the browsers it drives are installed, so `npm install && npm test`
// works on a fresh Debian machine. Installs Debian's chromium and firefox-esr with apt-get when they are
// missing (as root, or through sudo); elsewhere says what to install and which variables point at it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function hasJapaneseFont() {
  try {
    return execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return existsSync('/usr/share/fonts/opentype/ipafont-gothic');
  }
}

const browsers = [
  { path: process.env.CHROME_PATH ?? '/usr/bin/chromium', env: 'CHROME_PATH', apt: 'chromium' },
  { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', env: 'FIREFOX_PATH', apt: 'firefox-esr' },
];
// `node scripts/ensure-browsers.mjs chromium` checks only the ones named (the demo needs only Chromium).
const wanted = process.argv.slice(2);
const missing = browsers.filter((b) => (!wanted.length || wanted.includes(b.apt)) && !existsSync(b.path));
// The Japanese screenshots of the locale tests need a Japanese font (Debian's Chromium brings none): without it
// they pass but show empty boxes, which nobody can review.
// Where it cannot be installed with apt-get, the tests still run; it is only asked for where it can be.
const canApt = existsSync('/usr/bin/apt-get') && (process.getuid?.() === 0 || existsSync('/usr/bin/sudo'));
if (!wanted.length && canApt && !hasJapaneseFont()) {
  missing.push({ path: 'a Japanese font', env: 'SIGNPOST_FONT', apt: 'fonts-ipafont-gothic' });
}
if (missing.length === 0) process.exit(0);
// A path someone chose is theirs to fix: installing Debian's package would not put a browser there.
const chosen = missing.filter((b) => process.env[b.env]);
for (const b of chosen) console.error(`${b.env} is ${b.path}, which does not exist.`);
if (chosen.length) process.exit(1);

const names = missing.map((b) => b.apt);
const root = process.getuid?.() === 0;
const sudo = !root && existsSync('/usr/bin/sudo');
if (!existsSync('/usr/bin/apt-get') || (!root && !sudo)) {
  for (const b of missing)
    console.error(`Missing ${b.path}: install ${b.apt}, or set ${b.env} to its binary.`);
  process.exit(1);
}
const run = (args) =>
  execFileSync(sudo ? 'sudo' : args[0], sudo ? args : args.slice(1), { stdio: 'inherit' });
console.log(`Installing ${names.join(' and ')} from Debian's packages for the end-to-end tests…`);
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', ...names]);
