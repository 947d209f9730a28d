// The benchmark's table: one row per measurement with its median, p95, minimum, budget and verdict.
import type { Summary } from './stats';

export interface Row {
  id: string;
  what: string;
  unit: 'ms' | 'x' | 'MB' | 'bytes';
  /** Repeated timings. */
  summary?: Summary;
  /** A single figure (a ratio, a size) when there is no summary. */
  value?: number;
  p95?: number;
  min?: number;
  /** Raw size, for bundles (value is the gzipped size). */
  raw?: number;
  budget?: string;
  pass?: boolean;
  note?: string;
}

export interface Results {
  date: string;
  machine: {
    cpus: number;
    cpu?: string | undefined;
    memoryGb: number;
    chromium: string;
    node: string;
    loadAverage: { start: number; end: number };
  };
  runs: number;
  warmup: number;
  durationS: number;
  rows: Row[];
}

function format(value: number | undefined, unit: Row['unit']): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
    case 'x':
      return `${value.toFixed(2)}×`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'bytes':
      return `${(value / 1024).toFixed(1)} KB`;
  }
}

const verdict = (r: Row) => (r.pass === undefined ? '' : r.pass ? 'pass' : '**MISS**');

export function renderMarkdown(results: Results): string {
  const m = results.machine;
  const lines = [
    `Signpost benchmark, ${results.date.slice(0, 10)}: ${m.cpus} × ${m.cpu ?? 'CPU'}, ${m.memoryGb} GB, ` +
      `Chromium ${m.chromium}, Node ${m.node}; ${results.warmup} warm-up + ${results.runs} runs each; ` +
      `took ${results.durationS.toFixed(0)} s; 1-minute load average ${m.loadAverage.start.toFixed(1)} at the start, ` +
      `${m.loadAverage.end.toFixed(1)} at the end.`,
    '',
    '| what | median | p95 | min | budget | result | notes |',
    '|---|---:|---:|---:|---|---|---|',
  ];
  for (const r of results.rows) {
    const median = r.summary?.median ?? r.value;
    const p95 = r.summary?.p95 ?? r.p95;
    const min = r.summary?.min ?? r.min;
    const note = r.note ?? '';
    const sizeColumns = r.unit === 'bytes';
    const gz = r.id.startsWith('size-') ? ' gz' : '';
    lines.push(
      `| ${r.what} | ${format(median, r.unit)}${gz} | ${sizeColumns ? '' : format(p95, r.unit)} | ${
        sizeColumns ? '' : format(min, r.unit)
      } | ${r.budget ?? ''} | ${verdict(r)} | ${note} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
