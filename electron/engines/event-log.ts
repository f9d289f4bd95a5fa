// Every raw engine event, as the engine said it, numbered and kept in a bounded ring so a
// page opened later still shows what just happened. Fed by the registry's one events
// subscription per engine (never a second connection).
import { EventPublisher } from '@orpc/server';
import type { EngineEvent } from '../api/contracts/engines';
import { RingBuffer } from '../shared/ring-buffer';
import type { RawEngineEvent } from './engine';

export const EVENT_LOG_CAPACITY = 5_000;

/** The event in the contract's shape; Podman and old Docker spell some fields differently. */
export function toEngineEvent(engineId: string, seq: number, ev: RawEngineEvent): EngineEvent {
  const attributes = ev.Actor?.Attributes ?? {};
  const time = ev.timeNano ? Math.floor(ev.timeNano / 1e6) : (ev.time ?? 0) * 1000;
  const actorName = attributes.name ?? attributes.image;
  return {
    seq,
    engineId,
    type: ev.Type ?? 'container',
    action: ev.Action ?? ev.status ?? '',
    actorId: ev.Actor?.ID ?? ev.id ?? '',
    ...(actorName ? { actorName } : {}),
    attributes,
    time: time || Date.now(),
  };
}

export class EventLog {
  private readonly recent: RingBuffer<EngineEvent>;
  private readonly publisher = new EventPublisher<{ event: EngineEvent }>({ maxBufferedEvents: EVENT_LOG_CAPACITY });
  private seq = 0;

  constructor(capacity = EVENT_LOG_CAPACITY) {
    this.recent = new RingBuffer(capacity);
  }

  record(engineId: string, raw: RawEngineEvent): EngineEvent {
    const ev = toEngineEvent(engineId, ++this.seq, raw);
    this.recent.push(ev);
    this.publisher.publish('event', ev);
    return ev;
  }

  /** Forgets the events of an engine that was removed. */
  forget(engineId: string): void {
    const keep = this.recent.toArray().filter((e) => e.engineId !== engineId);
    this.recent.clear();
    for (const e of keep) this.recent.push(e);
  }

  /** The kept events (oldest first), then the new ones as they come; none twice, none lost. */
  async *subscribe(engineId: string | undefined, signal?: AbortSignal): AsyncGenerator<EngineEvent> {
    const live = this.publisher.subscribe('event', { signal });
    try {
      let last = 0;
      for (const e of this.recent.toArray()) {
        last = e.seq;
        if (!engineId || e.engineId === engineId) yield e;
      }
      for await (const e of live) {
        if (e.seq <= last) continue;
        if (!engineId || e.engineId === engineId) yield e;
      }
    } finally {
      await live.return?.();
    }
  }
}
