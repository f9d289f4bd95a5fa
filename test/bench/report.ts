// How benchmarks report: a figure, its unit, and the goal it is held against. Goals are
// printed, not asserted: a slow machine must not turn CI red, a regression must be visible.
export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
  /** e.g. "<= 1.15" or ">= 0.95"; the line says whether the figure meets it. */
  goal?: string;
}

export function meets(value: number, goal: string): boolean {
  const m = /^(<=|>=)\s*([\d.]+)/.exec(goal);
  if (!m) return true;
  return m[1] === '<=' ? value <= Number(m[2]) : value >= Number(m[2]);
}

export function printResults(results: BenchResult[]): void {
  for (const r of results) {
    const verdict = r.goal ? (meets(r.value, r.goal) ? `  (goal ${r.goal}: met)` : `  (goal ${r.goal}: NOT MET)`) : '';
    console.log(`  ${r.metric.padEnd(58)} ${r.value.toFixed(r.unit === '×' ? 3 : 1).padStart(9)} ${r.unit}${verdict}`);
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
