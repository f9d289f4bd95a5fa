// The user's settings (settings.json in Berth's data folder): appearance, the default
// engine, endpoints added by hand, AWS, and diagnostics for a bug report.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { AddEngineDialog } from '../engines/AddEngineDialog';
import { AwsSettings } from './AwsSettings';
import { DiagnosticsButton } from './DiagnosticsButton';
import { ThemeSelect } from './ThemeSelect';
import { useSettingsUpdate } from './useSettingsUpdate';
import '../engines/engines.css';

export function SettingsPage() {
  const settings = useQuery({ ...orpc.settings.get.queryOptions(), staleTime: Infinity });
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const update = useSettingsUpdate();
  const [adding, setAdding] = useState(false);
  const s = settings.data;
  const manual = (engines.data ?? []).filter((e) => e.source === 'manual');
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <header className="page-head">
        <h1 id="settings-title">Settings</h1>
        <span className="muted">Kept for your user (settings.json in Berth’s data folder).</span>
      </header>
      {settings.error && <p className="error-text">Could not read the settings: {errorText(settings.error)}</p>}
      <fieldset className="settings-group">
        <legend>Appearance</legend>
        <label className="row">
          Theme
          <ThemeSelect labels={{ system: 'Same as the system', light: 'Light', dark: 'Dark' }} />
        </label>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Engines</legend>
        <label className="row">
          Default engine
          <select
            aria-label="Default engine"
            value={s?.defaultEngine ?? ''}
            onChange={(e) => update.mutate({ defaultEngine: e.target.value || null })}
            disabled={!s}
          >
            <option value="">(the first connected one)</option>
            {(engines.data ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} — {e.endpoint}
              </option>
            ))}
          </select>
        </label>
        <div className="settings-sub">Endpoints added by hand</div>
        <ul className="endpoint-list">
          {manual.map((e) => (
            <li key={e.id} data-endpoint={e.endpoint}>
              <span className={`dot dot-${e.state}`} aria-hidden />
              <span className="strong">{e.name}</span> <code>{e.endpoint}</code>
              {s?.endpoints.find((x) => x.endpoint === e.endpoint)?.tls && <span className="badge">TLS</span>}
              {e.state !== 'connected' && e.reason && <div className="engine-reason">{e.reason}</div>}
              <button className="link" onClick={() => void client.engines.remove({ engineId: e.id })} aria-label={`Remove ${e.name}`}>
                Remove
              </button>
            </li>
          ))}
          {manual.length === 0 && <li className="muted">None. Berth finds the usual sockets by itself; add others here.</li>}
        </ul>
        <button onClick={() => setAdding(true)}>Add engine…</button>
      </fieldset>
      {s && <AwsSettings aws={s.aws} />}
      <fieldset className="settings-group">
        <legend>Diagnostics</legend>
        <p className="muted">Versions, engines and endpoints as text for a bug report. No passwords, tokens or keys are included.</p>
        <DiagnosticsButton />
      </fieldset>
      {update.error && (
        <p className="error-text" role="alert">
          {errorText(update.error)}
        </p>
      )}
      {adding && <AddEngineDialog onClose={() => setAdding(false)} />}
    </section>
  );
}
