// Which engine an action runs on (a form field): the connected engines, the first by default.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { orpc } from '../lib/rpc';

export function EngineField({ value, onChange }: { value: string; onChange(id: string): void }) {
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  return (
    <label>
      Engine
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {(engines.data ?? [])
          .filter((e) => e.state === 'connected')
          .map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.kind})
            </option>
          ))}
      </select>
    </label>
  );
}

/** The chosen engine id (the first connected one until the user picks) and its setter. */
export function useEngineChoice(): [string, (id: string) => void] {
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const [chosen, setChosen] = useState('');
  return [chosen || (engines.data?.find((e) => e.state === 'connected')?.id ?? ''), setChosen];
}

/** Labels as key=value lines. */
export function LabelsField({ value, onChange }: { value: string; onChange(v: string): void }) {
  return (
    <label>
      Labels (key=value, one a line)
      <textarea className="mono" rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
