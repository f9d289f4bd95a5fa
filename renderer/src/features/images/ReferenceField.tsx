// An image reference input that says, as you type, what the Docker reference grammar
// makes of it (registry, repository, tag) or what is wrong with it, before anything is sent.
import { parseReference } from '../../../../electron/engines/reference';

export function checkReference(ref: string): { ok: true; host: string; words: string } | { ok: false; words: string } {
  try {
    const r = parseReference(ref);
    return { ok: true, host: r.domain, words: `registry ${r.domain} · repository ${r.path} · ${r.digest ? `digest ${r.digest.slice(0, 19)}…` : `tag ${r.tag ?? 'latest'}`}` };
  } catch (err) {
    return { ok: false, words: (err as Error).message };
  }
}

export function ReferenceField({ label, value, onChange, autoFocus }: { label: string; value: string; onChange(v: string): void; autoFocus?: boolean }) {
  const check = value.trim() ? checkReference(value) : undefined;
  return (
    <label>
      {label}
      <input className="mono" autoFocus={autoFocus} value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} placeholder="registry.example.com/team/app:1.0" aria-invalid={check && !check.ok} />
      {check && (
        <span className={check.ok ? 'field-note muted' : 'field-note error-text'} data-testid="reference-words">
          {check.words}
        </span>
      )}
    </label>
  );
}
