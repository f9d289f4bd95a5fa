// "Copy diagnostics": asks the backend for the text and puts it on the clipboard.
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';

export function DiagnosticsButton() {
  const copy = useMutation({
    mutationFn: async () => {
      const { text } = await client.diagnostics.get();
      await navigator.clipboard.writeText(text);
      return text;
    },
  });
  return (
    <div className="settings-actions">
      <button onClick={() => copy.mutate()} disabled={copy.isPending}>
        Copy diagnostics
      </button>
      {copy.isSuccess && (
        <span className="muted" role="status">
          Copied ({copy.data.split('\n').length} lines).
        </span>
      )}
      {copy.error && <span className="error-text">Could not copy: {errorText(copy.error)}</span>}
    </div>
  );
}
