// "All engines" or one of them: the engine filter of list pages.
import { useQuery } from '@tanstack/react-query';
import { orpc } from '../lib/rpc';

export function EngineSelect({ value, onChange }: { value: string; onChange(engineId: string): void }) {
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  return (
    <select aria-label="Engine" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="all">All engines</option>
      {(engines.data ?? []).map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
        </option>
      ))}
    </select>
  );
}
