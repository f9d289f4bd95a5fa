// Live CPU, memory, network and block I/O of a running container, charted with uPlot.
// The stats stream is open only while this tab is shown.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { StatsSample } from '../../../../../electron/api/contracts/container-detail';
import { errorText } from '../../../components/Toasts';
import { formatBytes } from '../../../lib/format';
import { client } from '../../../lib/rpc';

const KEEP = 120;

export interface Point {
  t: number;
  cpu: number;
  mem: number;
  rx: number;
  tx: number;
  read: number;
  write: number;
}

/** Rates (bytes/s) from two successive samples; counters that went back (a restart) count as 0. */
export function toPoint(prev: StatsSample | undefined, s: StatsSample): Point {
  const dt = prev ? Math.max(0.001, (s.time - prev.time) / 1000) : 1;
  const rate = (a: number, b: number | undefined) => (b === undefined || a < b ? 0 : (a - b) / dt);
  return { t: s.time / 1000, cpu: s.cpuPercent, mem: s.memUsage, rx: rate(s.netRx, prev?.netRx), tx: rate(s.netTx, prev?.netTx), read: rate(s.blkRead, prev?.blkRead), write: rate(s.blkWrite, prev?.blkWrite) };
}

export function StatsTab({ target }: { target: { engineId: string; id: string } }) {
  const [points, setPoints] = useState<Point[]>([]);
  const [last, setLast] = useState<StatsSample>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      let prev: StatsSample | undefined;
      try {
        for await (const s of await client.containerDetail.stats(target, { signal: abort.signal })) {
          const p = toPoint(prev, s);
          prev = s;
          setLast(s);
          setPoints((all) => [...all.slice(-(KEEP - 1)), p]);
        }
      } catch (err) {
        if (!abort.signal.aborted) setError(errorText(err));
      }
    })();
    return () => abort.abort();
  }, [target.engineId, target.id]);

  const latest = points.at(-1);
  return (
    <div className="stats">
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <dl className="stats-figures">
        <div>
          <dt>CPU</dt>
          <dd data-testid="stat-cpu">{latest ? `${latest.cpu.toFixed(1)} %` : '…'}</dd>
        </div>
        <div>
          <dt>Memory</dt>
          <dd data-testid="stat-mem">{last ? `${formatBytes(last.memUsage)}${last.memLimit ? ` of ${formatBytes(last.memLimit)}` : ''}` : '…'}</dd>
        </div>
        <div>
          <dt>Network in / out</dt>
          <dd>{latest ? `${formatBytes(latest.rx)}/s · ${formatBytes(latest.tx)}/s` : '…'}</dd>
        </div>
        <div>
          <dt>Disk read / write</dt>
          <dd>{latest ? `${formatBytes(latest.read)}/s · ${formatBytes(latest.write)}/s` : '…'}</dd>
        </div>
        <div>
          <dt>Processes</dt>
          <dd>{last ? last.pids : '…'}</dd>
        </div>
      </dl>
      <div className="charts">
        <Chart title="CPU %" points={points} series={[{ label: 'CPU %', pick: (p) => p.cpu, color: '#2f6fed' }]} unit="%" />
        <Chart title="Memory" points={points} series={[{ label: 'used', pick: (p) => p.mem, color: '#1f9d55' }]} unit="B" />
        <Chart title="Network" points={points} series={[{ label: 'in', pick: (p) => p.rx, color: '#7a5af8' }, { label: 'out', pick: (p) => p.tx, color: '#c98a00' }]} unit="B/s" />
        <Chart title="Block I/O" points={points} series={[{ label: 'read', pick: (p) => p.read, color: '#0e9384' }, { label: 'write', pick: (p) => p.write, color: '#c9302c' }]} unit="B/s" />
      </div>
    </div>
  );
}

interface SeriesDef {
  label: string;
  pick(p: Point): number;
  color: string;
}

function Chart({ title, points, series, unit }: { title: string; points: Point[]; series: SeriesDef[]; unit: string }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot>(undefined);
  useEffect(() => {
    const el = host.current!;
    const fmt = (v: number) => (unit === '%' ? `${v.toFixed(0)}%` : `${formatBytes(v)}${unit === 'B/s' ? '/s' : ''}`);
    plot.current = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: 150,
        legend: { show: series.length > 1, live: false },
        cursor: { show: false },
        axes: [{ stroke: 'currentColor', grid: { show: false } }, { stroke: 'currentColor', size: 70, values: (_u, vals) => vals.map(fmt) }],
        scales: { x: { time: true, range: (_u, min, max) => [Math.min(min, max - 60), max] }, y: { range: (_u, _min, max) => [0, Math.max(max, unit === '%' ? 5 : 1)] } },
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, fill: `${s.color}22` }))],
      },
      [[], ...series.map(() => [])],
      el,
    );
    const ro = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height: 150 }));
    ro.observe(el);
    return () => (ro.disconnect(), plot.current?.destroy());
  }, []);
  useEffect(() => {
    plot.current?.setData([points.map((p) => p.t), ...series.map((s) => points.map(s.pick))]);
  }, [points]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={host} />
    </figure>
  );
}
