import { followLogs } from '../../engines/container-logs';
import { streamStats } from '../../engines/container-stats';
import { toRpcError } from '../../engines/errors';
import { openTerminal, resizeTerminal, writeTerminal } from '../../engines/terminal-sessions';
import { os } from '../base';

const short = (id: string) => id.slice(0, 12);

export const containerDetail = {
  inspect: os.containerDetail.inspect.handler(async ({ context, input }) => {
    const engine = context.registry.get(input.engineId);
    try {
      return (await engine.docker.getContainer(input.id).inspect()) as unknown as Record<string, unknown>;
    } catch (err) {
      throw toRpcError(err, `Inspecting ${short(input.id)} on ${engine.snapshot.name}`);
    }
  }),
  logs: os.containerDetail.logs.handler(async function* ({ context, input, signal }) {
    try {
      yield* followLogs(context.registry, input, { tail: input.tail, ...(input.since !== undefined ? { since: input.since } : {}) }, signal ?? new AbortController().signal);
    } catch (err) {
      if (signal?.aborted) return;
      throw toRpcError(err, `Reading the log of ${short(input.id)}`);
    }
  }),
  stats: os.containerDetail.stats.handler(async function* ({ context, input, signal }) {
    try {
      yield* streamStats(context.registry, input, signal ?? new AbortController().signal);
    } catch (err) {
      if (signal?.aborted) return;
      throw toRpcError(err, `Reading the stats of ${short(input.id)}`);
    }
  }),
  terminal: os.containerDetail.terminal.handler(async function* ({ context, input, signal }) {
    yield* openTerminal(context.registry, input, signal ?? new AbortController().signal);
  }),
  terminalInput: os.containerDetail.terminalInput.handler(({ input }) => writeTerminal(input.sessionId, input.data)),
  terminalResize: os.containerDetail.terminalResize.handler(({ input }) => resizeTerminal(input.sessionId, input.cols, input.rows)),
};
