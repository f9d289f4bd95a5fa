// One connection to one engine (Docker or Podman): its identity from /version, one
// events subscription, and reconnection with back-off when the engine goes away.
import Docker from 'dockerode';
import type { ContainerRow, EngineInfo } from '../api/schemas';
import type { Candidate } from './discovery';
import { dockerodeOptions, parseEndpoint } from './endpoint';
import { describeConnectionError } from './errors';
import { jsonLines } from './json-lines';
import { readTlsFiles, type TlsContents } from './tls';
import { rowFromInspect, toContainerRow } from './rows';

export interface RawEngineEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  time?: number;
  timeNano?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

export interface EngineListener {
  state(info: EngineInfo): void;
  event(engine: Engine, ev: RawEngineEvent): void;
}

// Podman's /version shells out to the package manager: seconds on a loaded machine.
const CONNECT_TIMEOUT_MS = 15_000;
const BACKOFF_MS = [250, 500, 1_000, 2_000, 3_000];

export class Engine {
  readonly docker: Docker;
  private info: EngineInfo;
  private events: NodeJS.ReadableStream | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  /** Why this endpoint cannot even be tried (its TLS files are unreadable). */
  private readonly configError: string | undefined;

  constructor(
    readonly id: string,
    readonly candidate: Candidate,
    private readonly listener: EngineListener,
  ) {
    let certs: TlsContents | undefined;
    try {
      certs = candidate.tls ? readTlsFiles(candidate.tls) : undefined;
    } catch (err) {
      this.configError = (err as Error).message;
    }
    this.docker = new Docker(dockerodeOptions(parseEndpoint(candidate.endpoint), certs));
    this.info = {
      id,
      name: candidate.name,
      endpoint: candidate.endpoint,
      source: candidate.source,
      kind: 'unknown',
      state: 'connecting',
    };
  }

  get snapshot(): EngineInfo {
    return this.info;
  }

  get connected(): boolean {
    return this.info.state === 'connected';
  }

  /** Connects now; on failure the engine stays listed as disconnected and retries by itself. */
  async connect(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    if (this.configError) {
      this.update({ state: 'disconnected', reason: `${this.configError} Fix the file, or remove this endpoint and add it again.` });
      return;
    }
    try {
      const v = await withTimeout(this.docker.version(), CONNECT_TIMEOUT_MS);
      const isPodman =
        (v.Components ?? []).some((c) => /podman/i.test(c.Name)) || /podman/i.test((v as { Platform?: { Name?: string } }).Platform?.Name ?? '');
      await this.subscribe();
      this.attempt = 0;
      this.update({
        state: 'connected',
        reason: undefined,
        kind: isPodman ? 'podman' : 'docker',
        version: v.Version,
        apiVersion: v.ApiVersion,
        os: v.Os,
        arch: v.Arch,
      });
    } catch (err) {
      this.lost(describeConnectionError(err, this.candidate.endpoint));
    }
  }

  async listContainers(): Promise<ContainerRow[]> {
    const raw = await this.docker.listContainers({ all: true });
    return raw.map((c) => toContainerRow(this.id, c));
  }

  /** The current row of one container, or null when it no longer exists. */
  async containerRow(id: string): Promise<ContainerRow | null> {
    try {
      return rowFromInspect(this.id, await this.docker.getContainer(id).inspect());
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return null;
      throw err;
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.dropEvents();
  }

  private async subscribe(): Promise<void> {
    this.dropEvents();
    const stream = (await this.docker.getEvents({})) as NodeJS.ReadableStream;
    this.events = stream;
    const lines = jsonLines<RawEngineEvent>((ev) => this.listener.event(this, ev));
    stream.on('data', (chunk: Buffer) => lines.push(chunk));
    const onGone = (err?: Error) => {
      if (this.events !== stream || this.closed) return;
      this.events = undefined;
      this.lost(err ? describeConnectionError(err, this.candidate.endpoint) : `The engine at ${this.candidate.endpoint} closed the connection: it stopped or restarted. Reconnecting…`);
    };
    stream.on('error', onGone);
    stream.on('end', () => onGone());
    stream.on('close', () => onGone());
  }

  private dropEvents(): void {
    const s = this.events as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
    this.events = undefined;
    s?.destroy?.();
  }

  private lost(reason: string): void {
    if (this.closed) return;
    this.update({ state: 'disconnected', reason });
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)]!;
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref?.();
  }

  private update(patch: Partial<EngineInfo>): void {
    const next = { ...this.info, ...patch };
    for (const k of Object.keys(next) as (keyof EngineInfo)[]) if (next[k] === undefined) delete next[k];
    const changed = JSON.stringify(next) !== JSON.stringify(this.info);
    this.info = next;
    if (changed) this.listener.state(next);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
