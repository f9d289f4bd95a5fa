// Shells in the container: each session is a TTY exec shown in xterm.js. Keys go to the
// exec by session id, output arrives as a stream, resizes reach the engine, and closing
// a session (or leaving the container) ends its exec.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../../components/Toasts';
import { client } from '../../../lib/rpc';

interface SessionTab {
  key: number;
  shell: string;
}
let nextKey = 1;

export function TerminalTab({ target, running, hidden }: { target: { engineId: string; id: string }; running: boolean; hidden: boolean }) {
  const [sessions, setSessions] = useState<SessionTab[]>(() => (running ? [{ key: nextKey++, shell: 'sh' }] : []));
  const [active, setActive] = useState(sessions[0]?.key ?? 0);
  const [shell, setShell] = useState('sh');
  const open = () => {
    const s = { key: nextKey++, shell: shell.trim() || 'sh' };
    setSessions((all) => [...all, s]);
    setActive(s.key);
  };
  const close = (key: number) => {
    const rest = sessions.filter((s) => s.key !== key);
    setSessions(rest);
    if (active === key) setActive(rest.at(-1)?.key ?? 0);
  };
  return (
    <div className="terminal-tab" hidden={hidden}>
      <div className="toolbar">
        <div className="session-tabs" role="tablist" aria-label="Terminal sessions">
          {sessions.map((s, i) => (
            <span key={s.key} className={s.key === active ? 'session on' : 'session'}>
              <button role="tab" aria-selected={s.key === active} className="link" onClick={() => setActive(s.key)}>
                {s.shell} #{i + 1}
              </button>
              <button className="close" aria-label={`Close session ${i + 1}`} onClick={() => close(s.key)}>
                ×
              </button>
            </span>
          ))}
        </div>
        <span className="spacer" />
        <label className="inline">
          Shell
          <input aria-label="Shell" list="shells" className="mono shell-input" value={shell} onChange={(e) => setShell(e.target.value)} />
          <datalist id="shells">
            <option value="sh" />
            <option value="bash" />
            <option value="ash" />
            <option value="zsh" />
          </datalist>
        </label>
        <button onClick={open} disabled={!running}>
          New session
        </button>
      </div>
      {!running && <p className="muted">A shell needs the container running. Start it, then open a session.</p>}
      {sessions.map((s) => (
        <TerminalSession key={s.key} target={target} shell={s.shell} visible={!hidden && s.key === active} />
      ))}
    </div>
  );
}

function TerminalSession({ target, shell, visible }: { target: { engineId: string; id: string }; shell: string; visible: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon>(undefined);
  const [state, setState] = useState<{ error?: string; exited?: string }>({});

  useEffect(() => {
    const term = new Terminal({ cursorBlink: true, fontSize: 13, fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, monospace", scrollback: 5000 });
    const fit = new FitAddon();
    fitRef.current = fit;
    term.loadAddon(fit);
    term.open(host.current!);
    fit.fit();
    const abort = new AbortController();
    let sessionId: string | undefined;
    const pending: string[] = [];
    const send = (data: string) => {
      if (!sessionId) return void pending.push(data);
      void client.containerDetail.terminalInput({ sessionId, data }).catch(() => undefined);
    };
    const input = term.onData(send);
    const resize = term.onResize(({ cols, rows }) => {
      if (sessionId) void client.containerDetail.terminalResize({ sessionId, cols, rows }).catch(() => undefined);
    });
    const observer = new ResizeObserver(() => {
      if (host.current?.offsetParent) fit.fit();
    });
    observer.observe(host.current!);
    void (async () => {
      try {
        const events = await client.containerDetail.terminal({ ...target, shell, cols: term.cols, rows: term.rows }, { signal: abort.signal });
        for await (const ev of events) {
          if (ev.kind === 'session') {
            sessionId = ev.sessionId;
            for (const d of pending.splice(0)) send(d);
          } else if (ev.kind === 'data') term.write(ev.data);
          else setState({ exited: `The shell exited${ev.code !== null ? ` with code ${ev.code}` : ''}. Close this session or open a new one.` });
        }
      } catch (err) {
        if (!abort.signal.aborted) setState({ error: errorText(err) });
      }
    })();
    term.focus();
    return () => {
      abort.abort();
      observer.disconnect();
      input.dispose();
      resize.dispose();
      term.dispose();
    };
  }, [target.engineId, target.id, shell]);

  useEffect(() => {
    if (visible) requestAnimationFrame(() => fitRef.current?.fit());
  }, [visible]);

  return (
    <div className="terminal-session" hidden={!visible}>
      {state.error && (
        <p className="error-text" role="alert">
          {state.error}
        </p>
      )}
      {state.exited && <p className="notice">{state.exited}</p>}
      <div className="xterm-host" ref={host} data-testid="terminal" />
    </div>
  );
}
