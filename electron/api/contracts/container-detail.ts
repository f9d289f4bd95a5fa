// One container's detail view: inspect, logs, stats and terminal sessions (streams).
import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { ContainerTarget } from '../schemas';

export const LogLine = z.object({ s: z.enum(['out', 'err']), ts: z.string().optional(), text: z.string() });

export const LogEvent = z.discriminatedUnion('kind', [
  /** A batch of lines (sent every ~50 ms); `dropped` counts lines skipped because the reader fell behind. */
  z.object({ kind: z.literal('lines'), lines: z.array(LogLine), dropped: z.number().int() }),
  z.object({ kind: z.literal('notice'), level: z.enum(['info', 'warn']), text: z.string() }),
]);
export type LogEvent = z.infer<typeof LogEvent>;

export const StatsSample = z.object({
  time: z.number(),
  cpuPercent: z.number(),
  memUsage: z.number(),
  memLimit: z.number(),
  netRx: z.number(),
  netTx: z.number(),
  blkRead: z.number(),
  blkWrite: z.number(),
  pids: z.number(),
});
export type StatsSample = z.infer<typeof StatsSample>;

export const TerminalEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), sessionId: z.string() }),
  z.object({ kind: z.literal('data'), data: z.string() }),
  z.object({ kind: z.literal('exit'), code: z.number().nullable() }),
]);

const SessionId = z.string().uuid();

export const containerDetail = {
  inspect: oc.input(ContainerTarget).output(z.record(z.string(), z.unknown())),
  logs: oc
    .input(
      ContainerTarget.extend({
        tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]).default(1000),
        /** Unix seconds. */
        since: z.number().int().min(0).optional(),
      }),
    )
    .output(eventIterator(LogEvent)),
  stats: oc.input(ContainerTarget).output(eventIterator(StatsSample)),
  /** Opens a TTY exec; the first event names the session, then output; ending the stream ends the exec. */
  terminal: oc
    .input(
      ContainerTarget.extend({
        shell: z.string().min(1).max(128).regex(/^[a-zA-Z0-9_./-]+$/, 'a shell such as sh, bash or /bin/ash'),
        cols: z.number().int().min(2).max(1000),
        rows: z.number().int().min(2).max(1000),
      }),
    )
    .output(eventIterator(TerminalEvent)),
  terminalInput: oc.input(z.object({ sessionId: SessionId, data: z.string().max(65_536) })).output(z.void()),
  terminalResize: oc.input(z.object({ sessionId: SessionId, cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(1000) })).output(z.void()),
};
