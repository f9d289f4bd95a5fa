// AWS fields of the settings: the profile and region last used, and the registry host that
// stands for ECR's (for emulators). Saved on "Save"; refused values say why.
import { useEffect, useState } from 'react';
import type { SettingsView } from '../../../../electron/api/contracts/settings';
import { errorText } from '../../components/Toasts';
import { useSettingsUpdate } from './useSettingsUpdate';

export function AwsSettings({ aws }: { aws: SettingsView['aws'] }) {
  const saved = { profile: aws.profile ?? '', region: aws.region ?? '', ecrRegistryHost: aws.ecrRegistryHost ?? '' };
  const [form, setForm] = useState(saved);
  const update = useSettingsUpdate();
  // Saved values changed elsewhere (the AWS pages remember the profile and region used).
  useEffect(() => setForm(saved), [saved.profile, saved.region, saved.ecrRegistryHost]);
  const field = (k: keyof typeof form, label: string, placeholder: string, hint: string) => (
    <label className="row">
      {label}
      <input value={form[k]} placeholder={placeholder} aria-label={label} onChange={(e) => (setForm({ ...form, [k]: e.target.value }), update.reset())} />
      <span className="muted hint">{hint}</span>
    </label>
  );
  const dirty = form.profile !== saved.profile || form.region !== saved.region || form.ecrRegistryHost !== saved.ecrRegistryHost;
  return (
    <fieldset className="settings-group">
      <legend>AWS</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const v = (x: string) => (x.trim() ? x.trim() : null);
          update.mutate({ aws: { profile: v(form.profile), region: v(form.region), ecrRegistryHost: v(form.ecrRegistryHost) } });
        }}
      >
        {field('profile', 'Profile', 'default', 'From ~/.aws/config; empty uses the standard chain.')}
        {field('region', 'Region', 'us-east-1', 'Empty uses the profile’s or AWS_REGION.')}
        {field('ecrRegistryHost', 'ECR registry host', '127.0.0.1:5001', 'Only for emulators: the registry that stands for ECR’s. Empty uses AWS.')}
        {update.error && (
          <p className="error-text" role="alert">
            {errorText(update.error)}
          </p>
        )}
        <div className="settings-actions">
          <button type="submit" className="primary" disabled={!dirty || update.isPending}>
            {update.isPending ? 'Saving…' : 'Save AWS settings'}
          </button>
          {update.isSuccess && !dirty && <span className="muted" role="status">Saved.</span>}
        </div>
      </form>
    </fieldset>
  );
}
