// The small tables of the AWS views (tens of rows, so no virtualisation): a header row,
// the error in words when the list failed, and a line saying why it is empty.
import { useEffect, useRef, type ReactNode } from 'react';
import { errorText } from '../../components/Toasts';

export interface AwsTableProps {
  label: string;
  headers: string[];
  /** undefined while loading. */
  rows: unknown[] | undefined;
  error?: unknown;
  emptyText: string;
  children: ReactNode;
}

export function AwsTable({ label, headers, rows, error, emptyText, children }: AwsTableProps) {
  return (
    <>
      {!!error && (
        <p className="error-text" role="alert">
          {errorText(error)}
        </p>
      )}
      <table className="aws-table" aria-label={label}>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children}
          {(!rows || rows.length === 0) && !error && (
            <tr>
              <td colSpan={headers.length} className="muted">
                {rows ? emptyText : 'Loading…'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}

/** Opens a <dialog> as modal once mounted. */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return ref;
}
