// The deploy's steps as they happen: each step's state, detail, push progress and the
// deployment's events; Cancel stops at the step under way; the end says what is true.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FinishEvent, StepEvent } from '../../../../electron/deploy/runner';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';

type ApplyInput = Parameters<typeof client.aws.deploy.apply>[0];

const ICON: Record<StepEvent['state'], string> = { pending: '○', running: '◐', done: '✓', failed: '✗', cancelled: '⊘', skipped: '–' };

export function DeployRun({ input, onClose }: { input: ApplyInput; onClose(): void }) {
  const queryClient = useQueryClient();
  const [steps, setSteps] = useState<StepEvent[]>([]);
  const [finish, setFinish] = useState<FinishEvent>();
  const [error, setError] = useState<string>();
  const abort = useRef<AbortController>(undefined);
  useEffect(() => {
    const ctl = new AbortController();
    abort.current = ctl;
    void (async () => {
      try {
        for await (const ev of await client.aws.deploy.apply(input, { signal: ctl.signal })) {
          if (ev.kind === 'finished') setFinish(ev);
          else setSteps((old) => (old.some((s) => s.id === ev.id) ? old.map((s) => (s.id === ev.id ? { ...s, ...ev } : s)) : [...old, ev]));
        }
      } catch (e) {
        if (ctl.signal.aborted) {
          // The stream ends with the cancel: mark what was under way and what never ran.
          setSteps((old) => old.map((s) => (s.state === 'running' ? { ...s, state: 'cancelled' } : s.state === 'pending' ? { ...s, state: 'skipped' } : s)));
          setFinish((f) => f ?? { kind: 'finished', outcome: 'cancelled', message: 'Cancelled. The steps marked ✓ were done and stay done.' });
        }
        else setError(errorText(e));
      } finally {
        void queryClient.invalidateQueries({ queryKey: orpc.aws.key() });
      }
    })();
    return () => ctl.abort();
    // The run starts once per dialog; input does not change while it runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const running = !finish && !error;
  return (
    <section aria-label="Deploy steps">
      <ol className="deploy-steps">
        {steps.map((s) => (
          <li key={s.id} className={`step step-${s.state}`} data-step={s.id} data-state={s.state}>
            <span className="step-icon" aria-hidden>
              {ICON[s.state]}
            </span>
            <span className="step-label">{s.label}</span>
            <span className="step-state">{s.state}</span>
            {s.detail && <span className="step-detail">{s.detail}</span>}
            {s.state === 'running' && s.progress !== undefined && <progress max={1} value={s.progress} aria-label={`${s.label} progress`} />}
            {s.lines && s.lines.length > 0 && (
              <ul className="step-lines mono">
                {s.lines.slice(-8).map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {finish && (
        <p className={`deploy-outcome outcome-${finish.outcome}`} role="status" data-outcome={finish.outcome}>
          {finish.message}
        </p>
      )}
      <div className="dialog-actions">
        {running ? (
          <button className="danger" onClick={() => abort.current?.abort()}>
            Cancel deploy
          </button>
        ) : (
          <button className="primary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </section>
  );
}
