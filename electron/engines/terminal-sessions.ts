// Terminal sessions: a TTY exec in a container, its output as an async stream, input
// and resizes addressed by a session id. Ending the stream ends the exec.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { ORPCError } from '@orpc/server';
import { toRpcError } from './errors';
import type { EngineRegistry } from './registry';

export type TerminalEvent = { kind: 'session'; sessionId: string } | { kind: 'data'; data: string } | { kind: 'exit'; code: number | null };

interface Session {
  exec: Docker.Exec;
  stream: Duplex;
  /** The last size asked for: applied again once the shell runs (a resize sent before its TTY exists is lost). */
  size: { cols: number; rows: number };
  /** Resizes run one after another, each applying the latest size: they never land out of order. */
  chain: Promise<void>;
}

function applySize(s: Session): Promise<void> {
  s.chain = s.chain.then(() => s.exec.resize({ h: s.size.rows, w: s.size.cols })).catch(() => undefined); // a resize racing the shell's exit is harmless
  return s.chain;
}

const sessions = new Map<string, Session>();

function session(id: string): Session {
  const s = sessions.get(id);
  if (!s) throw new ORPCError('NOT_FOUND', { message: 'This terminal session has ended. Open a new one.' });
  return s;
}

export function writeTerminal(sessionId: string, data: string): void {
  session(sessionId).stream.write(data);
}

export async function resizeTerminal(sessionId: string, cols: number, rows: number): Promise<void> {
  const s = session(sessionId);
  s.size = { cols, rows };
  await applySize(s);
}

export function openTerminalCount(): number {
  return sessions.size;
}

export async function* openTerminal(
  registry: EngineRegistry,
  target: { engineId: string; id: string; shell: string; cols: number; rows: number },
  signal: AbortSignal,
): AsyncGenerator<TerminalEvent> {
  const engine = registry.get(target.engineId);
  const what = `Opening ${target.shell} in ${target.id.slice(0, 12)}`;
  let exec: Docker.Exec;
  let stream: Duplex;
  try {
    exec = await engine.docker.getContainer(target.id).exec({
      Cmd: [target.shell],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      Env: ['TERM=xterm-256color'],
    });
    stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
  } catch (err) {
    throw toRpcError(err, what);
  }
  const sessionId = randomUUID();
  const entry: Session = { exec, stream, size: { cols: target.cols, rows: target.rows }, chain: Promise.resolve() };
  sessions.set(sessionId, entry);
  let first = true;
  const decoder = new TextDecoder('utf-8');
  const chunks: string[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  stream.on('data', (b: Buffer) => {
    if (first) {
      first = false;
      void applySize(entry);
    }
    chunks.push(decoder.decode(b, { stream: true }));
    wake?.();
  });
  const done = () => ((ended = true), wake?.());
  stream.on('end', done);
  stream.on('close', done);
  stream.on('error', done);
  signal.addEventListener('abort', done);
  try {
    await applySize(entry);
    yield { kind: 'session', sessionId };
    while (!ended || chunks.length) {
      if (!chunks.length) await new Promise<void>((r) => (wake = r));
      if (chunks.length) yield { kind: 'data', data: chunks.splice(0).join('') };
    }
    if (!signal.aborted) {
      const code = await exec
        .inspect()
        .then((i) => i.ExitCode ?? null)
        .catch(() => null);
      yield { kind: 'exit', code };
    }
  } finally {
    sessions.delete(sessionId);
    signal.removeEventListener('abort', done);
    endSession(stream);
  }
}

/** Hangs up: the shell sees its terminal close (EOF, then SIGHUP) and exits. */
function endSession(stream: Duplex): void {
  if (stream.destroyed) return;
  stream.write('\x04');
  stream.end();
  setTimeout(() => stream.destroy(), 500).unref?.();
}
