// Every engine Berth knows (discovered and added by hand), and the one live stream
// the UI listens to: engine state changes and container rows patched per event.
import { createHash } from 'node:crypto';
import { EventPublisher, ORPCError } from '@orpc/server';
import type { EngineInfo, LiveEvent } from '../api/schemas';
import type { SettingsStore } from '../settings/store';
import type { Candidate } from './discovery';
import { Engine, type RawEngineEvent } from './engine';
import { EndpointError, formatEndpoint, parseEndpoint } from './endpoint';
import { EventLog } from './event-log';
import { checkTlsFiles, type TlsFiles } from './tls';

// Container actions that change nothing a row shows (exec sessions, attach, resize, ...).
const QUIET_ACTIONS = /^(exec_|attach|resize|top|copy|archive-path|export|commit|detach)/;

export class EngineRegistry {
  private readonly engines = new Map<string, Engine>();
  private readonly publisher = new EventPublisher<{ live: LiveEvent }>({ maxBufferedEvents: 10_000 });
  private readonly refreshes = new Map<string, { dirty: boolean; action: string; time: number }>();
  /** Every raw event of every engine, bounded, for the events log (fed by the same subscription). */
  readonly eventLog = new EventLog();

  constructor(private readonly settings: SettingsStore) {}

  /** Adds the discovered candidates and the saved manual endpoints, and connects them all. */
  async start(discovered: Candidate[]): Promise<void> {
    const manual = this.settings.get().endpoints.map((e): Candidate => ({ ...e, source: 'manual' }));
    const engines = [...discovered, ...manual].map((c) => this.track(c)).filter((e): e is Engine => !!e);
    await Promise.all(engines.map((e) => e.connect()));
  }

  list(): EngineInfo[] {
    return [...this.engines.values()].map((e) => e.snapshot);
  }

  get(engineId: string): Engine {
    const engine = this.engines.get(engineId);
    if (!engine) throw new ORPCError('NOT_FOUND', { message: `No engine "${engineId}": it was removed, or Berth restarted with other engines.` });
    if (!engine.connected) {
      throw new ORPCError('SERVICE_UNAVAILABLE', { message: `${engine.snapshot.name} is disconnected. ${engine.snapshot.reason ?? ''}`.trim() });
    }
    return engine;
  }

  connectedEngines(): Engine[] {
    return [...this.engines.values()].filter((e) => e.connected);
  }

  async add(rawEndpoint: string, name?: string, tls?: TlsFiles): Promise<EngineInfo> {
    let endpoint: string;
    try {
      const parsed = parseEndpoint(rawEndpoint);
      if (tls && parsed.kind !== 'tcp') throw new EndpointError('TLS certificates go with tcp:// (or https://) endpoints only.');
      endpoint = formatEndpoint(parsed);
      if (tls) checkTlsFiles(tls);
    } catch (err) {
      if (err instanceof EndpointError) throw new ORPCError('BAD_REQUEST', { message: err.message });
      throw err;
    }
    const existing = [...this.engines.values()].find((e) => e.candidate.endpoint === endpoint);
    if (existing) throw new ORPCError('CONFLICT', { message: `${endpoint} is already listed as "${existing.snapshot.name}".` });
    const candidate: Candidate = { endpoint, name: name || endpoint.replace(/^[a-z]+:\/\//, ''), source: 'manual', ...(tls ? { tls } : {}) };
    this.settings.update((s) => ({ ...s, endpoints: [...s.endpoints, { endpoint, name: candidate.name, ...(tls ? { tls } : {}) }] }));
    const engine = this.track(candidate)!;
    await engine.connect();
    return engine.snapshot;
  }

  remove(engineId: string): void {
    const engine = this.engines.get(engineId);
    if (!engine) throw new ORPCError('NOT_FOUND', { message: `No engine "${engineId}".` });
    if (engine.candidate.source !== 'manual') {
      throw new ORPCError('BAD_REQUEST', { message: `${engine.snapshot.name} was discovered on this machine (${engine.candidate.source}); only endpoints added by hand can be removed.` });
    }
    engine.close();
    this.engines.delete(engineId);
    this.eventLog.forget(engineId);
    this.settings.update((s) => ({
      ...s,
      endpoints: s.endpoints.filter((e) => e.endpoint !== engine.candidate.endpoint),
      ...(s.defaultEngine === engineId ? { defaultEngine: undefined } : {}),
    }));
    this.publisher.publish('live', { kind: 'engine-removed', engineId });
  }

  subscribe(signal?: AbortSignal): AsyncGenerator<LiveEvent> {
    return this.publisher.subscribe('live', { signal });
  }

  close(): void {
    for (const e of this.engines.values()) e.close();
    this.engines.clear();
  }

  private track(candidate: Candidate): Engine | undefined {
    const id = engineIdFor(candidate);
    if (this.engines.has(id)) return undefined;
    const engine = new Engine(id, candidate, {
      state: (info) => this.publisher.publish('live', { kind: 'engine', engine: info }),
      event: (e, ev) => this.onEngineEvent(e, ev),
    });
    this.engines.set(id, engine);
    return engine;
  }

  private onEngineEvent(engine: Engine, ev: RawEngineEvent): void {
    this.eventLog.record(engine.id, ev);
    const type = ev.Type ?? 'container';
    const id = ev.Actor?.ID ?? ev.id;
    const action = ev.Action ?? ev.status ?? '';
    if (!id) return;
    const time = ev.timeNano ? Math.floor(ev.timeNano / 1e6) : (ev.time ?? 0) * 1000;
    if (type === 'image' || type === 'volume' || type === 'network' || type === 'pod') {
      this.publisher.publish('live', { kind: 'object', engineId: engine.id, type, id, action, time, attributes: ev.Actor?.Attributes ?? {} });
      return;
    }
    if (type !== 'container' || QUIET_ACTIONS.test(action)) return;
    this.refreshRow(engine, id, action, time);
    // Podman names a container's pod in its events: the pod's row (its members) changed too.
    const podId = ev.Actor?.Attributes?.['podId'];
    if (podId) {
      const attributes = { containerId: id, containerName: ev.Actor?.Attributes?.['name'] ?? '' };
      this.publisher.publish('live', { kind: 'object', engineId: engine.id, type: 'pod', id: podId, action: `container-${action}`, time, attributes });
    }
  }

  /**
   * Fetches the one row an event concerns and publishes it. Events that arrive while a
   * fetch is under way coalesce into one more fetch, so a burst costs two requests and
   * the last row published is never older than the last event.
   */
  private refreshRow(engine: Engine, id: string, action: string, time: number): void {
    const key = `${engine.id}/${id}`;
    const pending = this.refreshes.get(key);
    if (pending) {
      Object.assign(pending, { dirty: true, action, time });
      return;
    }
    const state = { dirty: false, action, time };
    this.refreshes.set(key, state);
    const run = async (): Promise<void> => {
      try {
        const row = await engine.containerRow(id);
        this.publisher.publish('live', { kind: 'container', engineId: engine.id, id, action: state.action, time: state.time, row });
      } catch {
        // the engine went away mid-fetch; its reconnect re-lists everything anyway
      }
      if (state.dirty) {
        state.dirty = false;
        return run();
      }
      this.refreshes.delete(key);
    };
    void run();
  }
}

/** Stable across restarts for the same endpoint, readable in URLs and logs. */
export function engineIdFor(c: Candidate): string {
  const slug = c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'engine';
  const hash = createHash('sha256').update(c.endpoint).digest('hex').slice(0, 6);
  return `${slug}-${hash}`;
}
