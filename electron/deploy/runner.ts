// A step runner whose progress is an event stream: every step is announced first, then
// each one runs in turn with live detail; a failure names its step and leaves the earlier
// steps' results in place; cancelling stops the step under way and skips the rest.
import { channel } from './channel';

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled' | 'skipped';
export type Outcome = 'completed' | 'failed' | 'in-progress' | 'cancelled';

export interface StepEvent {
  kind: 'step';
  id: string;
  label: string;
  state: StepState;
  /** What the step did or is doing, in words. */
  detail?: string;
  /** 0..1 for steps that can tell (a push). */
  progress?: number;
  /** Lines the step gathered (a deployment's events). */
  lines?: string[];
}

export interface FinishEvent {
  kind: 'finished';
  outcome: Outcome;
  message: string;
}

export type RunEvent = StepEvent | FinishEvent;

export interface StepContext {
  signal: AbortSignal;
  report(update: { detail?: string; progress?: number; lines?: string[] }): void;
}

export interface StepResult {
  detail: string;
  /** The last step may say the whole run is not (yet) a success, e.g. a rollout still going. */
  outcome?: Exclude<Outcome, 'failed' | 'cancelled'>;
  message?: string;
  lines?: string[];
}

export interface Step {
  id: string;
  label: string;
  run(ctx: StepContext): Promise<StepResult>;
}

export class StepCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'StepCancelled';
  }
}

const isCancel = (err: unknown, signal: AbortSignal) =>
  signal.aborted || err instanceof StepCancelled || (err as Error)?.name === 'CancelledError' || (err as Error)?.name === 'AbortError';

export async function* runSteps(steps: Step[], outerSignal?: AbortSignal): AsyncGenerator<RunEvent> {
  const abort = new AbortController();
  const onOuter = () => abort.abort();
  outerSignal?.addEventListener('abort', onOuter);
  if (outerSignal?.aborted) abort.abort();
  const ch = channel<RunEvent>();
  const base = (s: Step) => ({ kind: 'step' as const, id: s.id, label: s.label });

  const work = (async () => {
    for (const s of steps) ch.push({ ...base(s), state: 'pending' });
    let finish: FinishEvent = { kind: 'finished', outcome: 'completed', message: 'Done.' };
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      const skipRest = () => steps.slice(i + 1).forEach((r) => ch.push({ ...base(r), state: 'skipped' }));
      if (abort.signal.aborted) {
        ch.push({ ...base(s), state: 'cancelled', detail: 'Cancelled before it started.' });
        skipRest();
        finish = { kind: 'finished', outcome: 'cancelled', message: `Cancelled before "${s.label}". The steps above were done and stay done.` };
        break;
      }
      ch.push({ ...base(s), state: 'running' });
      try {
        const r = await s.run({ signal: abort.signal, report: (u) => ch.push({ ...base(s), state: 'running', ...u }) });
        // Done is done, even when a cancel arrived meanwhile: it is listed, then the rest is skipped.
        ch.push({ ...base(s), state: 'done', detail: r.detail, ...(r.lines ? { lines: r.lines } : {}) });
        if (r.outcome) finish = { kind: 'finished', outcome: r.outcome, message: r.message ?? r.detail };
        if (abort.signal.aborted && i < steps.length - 1) {
          skipRest();
          finish = { kind: 'finished', outcome: 'cancelled', message: `Cancelled after "${s.label}". The steps above were done and stay done.` };
          break;
        }
      } catch (err) {
        if (isCancel(err, abort.signal)) {
          ch.push({ ...base(s), state: 'cancelled', detail: 'Cancelled while running.' });
          finish = { kind: 'finished', outcome: 'cancelled', message: `Cancelled during "${s.label}". The steps above were done and stay done.` };
        } else {
          const message = (err as Error)?.message ?? String(err);
          ch.push({ ...base(s), state: 'failed', detail: message });
          finish = { kind: 'finished', outcome: 'failed', message: `"${s.label}" failed: ${message}` };
        }
        skipRest();
        break;
      }
    }
    ch.push(finish);
  })().finally(() => ch.close());

  try {
    yield* ch.drain();
  } finally {
    // The consumer went away (the view closed, or the RPC was cancelled): stop the work.
    abort.abort();
    outerSignal?.removeEventListener('abort', onOuter);
    await work.catch(() => undefined);
  }
}
