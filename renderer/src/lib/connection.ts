// Whether the renderer still reaches its backend (the WebSocket of `berth serve`).
import { useSyncExternalStore } from 'react';

type State = 'connecting' | 'open' | 'closed';
let state: State = 'connecting';
const listeners = new Set<() => void>();

export function setConnection(next: State): void {
  state = next;
  for (const l of listeners) l();
}

export function useConnection(): State {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
  );
}
