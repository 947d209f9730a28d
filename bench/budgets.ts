// When the bench fails: a release-2 budget missed twice in a row. A part of the bench whose run misses any
// budget is measured again at once (same seed, same browser), and a budget fails only if both runs miss it;
// the table keeps the second run's figures and notes the first run's where the verdicts differ. Re-running
// at once rather than comparing with the last results file: a file may come from another build, machine or
// load, while two runs in a row see the same code under the same conditions.
import type { Row } from './report';

function shown(r: Row): string {
  const v = r.summary?.median ?? r.value;
  if (v === undefined) return '?';
  return r.unit === 'x' ? `${v.toFixed(2)}×` : r.unit === 'ms' ? `${v.toFixed(1)} ms` : String(v);
}

/** The second run's rows, each budget passing when either run passed it. */
export function mergeRetry(first: readonly Row[], second: readonly Row[]): Row[] {
  return second.map((r) => {
    const before = first.find((f) => f.id === r.id);
    if (r.pass === undefined || before?.pass === undefined) return r;
    const pass = before.pass || r.pass;
    const verdicts =
      before.pass === r.pass
        ? undefined
        : `first run ${before.pass ? 'passed' : 'missed'} at ${shown(before)}`;
    const twice = pass ? undefined : `missed twice in a row (first run ${shown(before)})`;
    const note = [r.note, verdicts, twice].filter(Boolean).join('; ');
    return { ...r, pass, ...(note ? { note } : {}) };
  });
}

/** Runs a part; when it misses a budget, runs it once more and merges (see mergeRetry). */
export async function withRetry(
  rows: Row[],
  name: string,
  run: () => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  const start = rows.length;
  await run();
  const first = rows.splice(start);
  const missed = first.filter((r) => r.pass === false);
  if (missed.length === 0) {
    rows.push(...first);
    return;
  }
  log(`${name}: missed ${missed.map((r) => `${r.id} (${shown(r)})`).join(', ')}; measuring it again\n`);
  await run();
  rows.push(...mergeRetry(first, rows.splice(start)));
}
