// Engine failures in words: a user reads what went wrong and what to do about it.
import { ORPCError } from '@orpc/server';

interface EngineErrorLike {
  code?: string;
  statusCode?: number;
  reason?: string;
  json?: { message?: string } | null;
  message?: string;
  address?: string;
}

/** Why an endpoint cannot be reached, with the fix, for the engine's status line. */
export function describeConnectionError(err: unknown, endpoint: string): string {
  const e = err as EngineErrorLike;
  switch (e?.code) {
    case 'ENOENT':
      return `No socket at ${endpoint}: the engine is not running (or not installed). Start it, then Berth reconnects by itself.`;
    case 'EACCES':
    case 'EPERM':
      return `Permission denied on ${endpoint}: your user may not use this socket (for Docker, join the "docker" group; for Podman, use the rootless socket).`;
    case 'ECONNREFUSED':
      return `Nothing answers at ${endpoint}: the engine is stopped. Start it, then Berth reconnects by itself.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `The connection to ${endpoint} was cut: the engine stopped or restarted. Berth reconnects when it answers again.`;
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return `${endpoint} did not answer in time.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host of ${endpoint} cannot be resolved.`;
    default:
      return `${endpoint} cannot be reached: ${engineMessage(err)}`;
  }
}

/** The engine's own message, as the CLI would print it. */
export function engineMessage(err: unknown): string {
  const e = err as EngineErrorLike;
  const fromJson = e?.json?.message;
  if (fromJson) return fromJson.trim();
  const m = /\(HTTP code \d+\) [^-]*- (.*)$/s.exec(e?.message ?? '');
  if (m?.[1]) return m[1].trim();
  return (e?.message ?? String(err)).trim();
}

/** Maps an engine error onto an RPC error with the engine's words kept. */
export function toRpcError(err: unknown, what: string): ORPCError<string, unknown> {
  if (err instanceof ORPCError) return err;
  const e = err as EngineErrorLike;
  const message = `${what}: ${engineMessage(err)}`;
  switch (e?.statusCode) {
    case 400:
      return new ORPCError('BAD_REQUEST', { message });
    case 404:
      return new ORPCError('NOT_FOUND', { message });
    case 409:
      return new ORPCError('CONFLICT', { message });
    default:
      if (e?.code && !e.statusCode) return new ORPCError('SERVICE_UNAVAILABLE', { message: `${what}: ${describeConnectionError(err, e.address ?? 'the engine')}` });
      return new ORPCError('INTERNAL_SERVER_ERROR', { message });
  }
}
