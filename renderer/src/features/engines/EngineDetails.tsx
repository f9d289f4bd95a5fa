// What GET /info says about one connected engine's host.
import { useQuery } from '@tanstack/react-query';
import type { EngineInfo } from '../../../../electron/api/schemas';
import { errorText } from '../../components/Toasts';
import { orpc } from '../../lib/rpc';
import { formatBytes } from './words';

export function EngineDetails({ engine }: { engine: EngineInfo }) {
  const details = useQuery({ ...orpc.engines.details.queryOptions({ input: { engineId: engine.id } }), staleTime: Infinity });
  if (details.error) return <p className="error-text">Could not read /info: {errorText(details.error)}</p>;
  const d = details.data;
  const rows: Array<[string, string | undefined]> = [
    ['Version', engine.version],
    ['API version', engine.apiVersion],
    ['OS / arch', d ? `${d.operatingSystem ?? d.osType ?? engine.os ?? '?'} · ${d.arch ?? engine.arch ?? '?'}` : undefined],
    ['Kernel', d?.kernel],
    ['CPUs', d?.cpus?.toString()],
    ['Memory', d?.memoryBytes ? formatBytes(d.memoryBytes) : undefined],
    ['Storage driver', d?.storageDriver],
    ['Root dir', d?.rootDir],
    ['Cgroup', d ? `v${d.cgroupVersion ?? '?'}${d.cgroupDriver ? ` (${d.cgroupDriver})` : ''}` : undefined],
    ['Runtimes', d ? `${d.runtimes.join(', ') || 'none'}${d.defaultRuntime ? ` (default ${d.defaultRuntime})` : ''}` : undefined],
    ['Mode', d ? (d.rootless ? 'rootless' : 'rootful') : undefined],
  ];
  return (
    <dl className="engine-facts" aria-busy={details.isPending}>
      {rows.map(([k, v]) => (
        <div key={k} data-fact={k}>
          <dt>{k}</dt>
          <dd className={k === 'Root dir' || k === 'Kernel' ? 'mono' : undefined}>{v ?? '…'}</dd>
        </div>
      ))}
    </dl>
  );
}
