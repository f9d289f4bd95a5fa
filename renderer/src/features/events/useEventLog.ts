// The engines' raw events for the Events page: one stream (the backend replays its recent
// events first), kept in a bounded ring, rendered at most once per frame.
import { useEffect, useState } from 'react';
import type { EngineEvent } from '../../../../electron/api/contracts/engines';
import { RingBuffer } from '../../../../electron/shared/ring-buffer';
import { client } from '../../lib/rpc';

export const LOG_CAPACITY = 5_000;

export interface EventLogState {
  events: EngineEvent[];
  streaming: boolean;
  error?: string;
}

export function useEventLog(): EventLogState {
  const [state, setState] = useState<EventLogState>({ events: [], streaming: false });
  useEffect(() => {
    const abort = new AbortController();
    const ring = new RingBuffer<EngineEvent>(LOG_CAPACITY);
    let frame = 0;
    const flush = () => {
      frame = 0;
      setState({ events: ring.toArray(), streaming: true });
    };
    void (async () => {
      while (!abort.signal.aborted) {
        ring.clear();
        try {
          const stream = await client.engines.events({}, { signal: abort.signal });
          setState((s) => ({ ...s, streaming: true, error: undefined }));
          for await (const ev of stream) {
            ring.push(ev);
            if (!frame) frame = requestAnimationFrame(flush);
          }
        } catch (err) {
          if (abort.signal.aborted) return;
          setState((s) => ({ ...s, streaming: false, error: (err as Error).message }));
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    return () => {
      abort.abort();
      cancelAnimationFrame(frame);
    };
  }, []);
  return state;
}
