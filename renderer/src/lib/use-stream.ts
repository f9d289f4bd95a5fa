// Runs one event-iterator RPC (pull, push, build) for a dialog: its events as they come,
// its end (done, failed with the backend's words, or cancelled) and a cancel that stops
// the engine's work (the iterator's abort reaches the backend, which drops the request).
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../components/Toasts';

export type StreamStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface StreamState<E> {
  status: StreamStatus;
  last?: E;
  error?: string;
}

export function useStream<E>(onEvent?: (e: E) => void) {
  const [state, setState] = useState<StreamState<E>>({ status: 'idle' });
  const abort = useRef<AbortController | undefined>(undefined);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  const start = useCallback(async (open: (signal: AbortSignal) => Promise<AsyncIterable<E>>): Promise<E | undefined> => {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setState({ status: 'running' });
    let last: E | undefined;
    try {
      for await (const e of await open(ctrl.signal)) {
        last = e;
        onEventRef.current?.(e);
        setState({ status: 'running', last: e });
      }
      setState({ status: 'done', ...(last !== undefined ? { last } : {}) });
      return last;
    } catch (err) {
      if (ctrl.signal.aborted) setState((s) => ({ ...s, status: 'cancelled' }));
      else setState((s) => ({ ...s, status: 'failed', error: errorText(err) }));
      return undefined;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  useEffect(() => () => abort.current?.abort(), []);
  return { ...state, start, cancel, reset };
}
