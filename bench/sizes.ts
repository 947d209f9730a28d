// Bundle sizes of the built extension: each entrypoint's JS (with every chunk it imports statically) and
// CSS, raw and gzipped, and the store zips.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface EntrySize {
  entry: string;
  js: FileSize[];
  css: FileSize[];
  /** Chunks loaded only on demand (`import()`): not part of the first load, listed for completeness. */
  lazy: string[];
  raw: number;
  gzip: number;
}

/** Each file gzipped on its own at level 9 (the browser reads each file separately). */
function sizeOf(dir: string, file: string): FileSize {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** `file` and every JS file it imports statically, transitively (paths relative to the build dir). */
function jsClosure(dir: string, roots: string[]): { files: string[]; lazy: string[] } {
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const base = posix.dirname(file);
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) visit(posix.normalize(posix.join(base, spec!)));
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) lazy.add(posix.normalize(posix.join(base, spec!)));
  };
  for (const root of roots) visit(root);
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

function total(files: FileSize[]): { raw: number; gzip: number } {
  return files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
}

function entry(dir: string, name: string, jsRoots: string[], cssFiles: string[]): EntrySize {
  const { files, lazy } = jsClosure(dir, jsRoots);
  const js = files.map((f) => sizeOf(dir, f));
  const css = cssFiles.map((f) => sizeOf(dir, f));
  return { entry: name, js, css, lazy, ...total([...js, ...css]) };
}

/** An HTML entrypoint: its module scripts, modulepreloads and stylesheets, as the built page names them. */
function htmlEntry(dir: string, page: string): EntrySize {
  const html = readFileSync(join(dir, page), 'utf8');
  const refs = (re: RegExp) => [...html.matchAll(re)].map(([, src]) => src!.replace(/^\//, ''));
  const scripts = refs(/<script[^>]*\bsrc="([^"]+)"/g);
  const preloads = refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g);
  const styles = refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  return entry(dir, page, [...scripts, ...preloads], styles);
}

/** Sizes of every entrypoint in a Chrome build directory (`<out>/chrome-mv3`). */
export function entrySizes(dir: string): EntrySize[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const sizes = [htmlEntry(dir, 'popup.html'), htmlEntry(dir, 'options.html')];
  const worker = manifest.background?.service_worker;
  if (worker) sizes.push(entry(dir, worker, [worker], []));
  // One script may be registered for several sets of hosts (the sign-in and console hosts share inpage.js):
  // it is one file the browser loads, counted once.
  const seen = new Set<string>();
  for (const script of manifest.content_scripts ?? []) {
    const name = `content:${(script.js ?? []).join(' + ')}`;
    if (seen.has(name)) continue;
    seen.add(name);
    sizes.push(entry(dir, name, script.js ?? [], script.css ?? []));
  }
  return sizes;
}

/** Whether a bundle carries Preact (its mangled vnode fields `__k`/`__e` and its `options` hooks). */
export function hasUiFramework(dir: string, files: readonly string[]): boolean {
  return files.some((f) => /\.__k\b[\s\S]*\.__e\b|preact/i.test(readFileSync(join(dir, f), 'utf8')));
}

export interface ZipSize {
  file: string;
  bytes: number;
}

/** The zips `wxt zip` wrote for `version` in the output directory. */
export function zipSizes(outDir: string, version: string): ZipSize[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir)
    .filter((f) => f.endsWith('.zip') && f.includes(`-${version}-`))
    .sort()
    .map((file) => ({ file, bytes: statSync(join(outDir, file)).size }));
}
