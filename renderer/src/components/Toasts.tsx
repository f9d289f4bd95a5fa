// Errors from actions, in the engine's own words, until the user dismisses them.
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

interface Toast {
  id: number;
  title: string;
  message: string;
}
const Ctx = createContext<(title: string, error: unknown) => void>(() => {});
let nextId = 1;

export function errorText(error: unknown): string {
  // Input refused by the contract's schemas: say which field and why, not "validation failed".
  const issues = (error as { data?: { issues?: Array<{ path?: Array<string | number | { key: string | number }>; message: string }> } })?.data?.issues;
  if (Array.isArray(issues) && issues.length) {
    return issues
      .map((i) => {
        const path = (i.path ?? []).map((p) => (typeof p === 'object' ? p.key : p)).join('.');
        return path ? `${path}: ${i.message}` : i.message;
      })
      .join('; ');
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((title: string, error: unknown) => {
    setToasts((t) => [...t.slice(-4), { id: nextId++, title, message: errorText(error) }]);
  }, []);
  return (
    <Ctx.Provider value={push}>
      {children}
      <div className="toasts" aria-live="assertive">
        {toasts.map((t) => (
          <div className="toast" role="alert" key={t.id}>
            <strong>{t.title}</strong>
            <span>{t.message}</span>
            <button aria-label="Dismiss" onClick={() => setToasts((all) => all.filter((x) => x.id !== t.id))}>
              ×
            </button>
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
}

export const useErrorToast = () => useContext(Ctx);
