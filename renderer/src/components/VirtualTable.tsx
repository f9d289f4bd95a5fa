// A table that renders only the rows in view (TanStack Table for columns and sorting,
// TanStack Virtual for the window), so 10,000 rows scroll like 10.
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactElement, memo, useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';

export interface VirtualTableProps<T> {
  data: T[];
  columns: ColumnDef<T, any>[];
  rowId: (row: T) => string;
  rowHeight?: number;
  emptyText: string;
  /** Grid template for the columns, e.g. "2fr 1fr 100px". */
  template: string;
  label: string;
  onActivate?: (row: T) => void;
  /** Rows with the same key are shown together under a header naming it ('' = no group). */
  groupBy?: (row: T) => string;
  /** Other keys on the table (e.g. Delete); the focused row, if any, is passed. */
  onKey?: (e: KeyboardEvent, row: T | undefined) => void;
}

type Item<T> = { kind: 'row'; row: Row<T> } | { kind: 'group'; key: string; count: number };

export function VirtualTable<T>({ data, columns, rowId, rowHeight = 40, emptyText, template, label, onActivate, groupBy, onKey }: VirtualTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [focusedRaw, setFocused] = useState(0);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;
  const items = useMemo(() => groupItems(rows, groupBy), [rows, groupBy]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  // A stable callback over the latest onActivate, so rows stay memoized.
  const activateRef = useRef(onActivate);
  activateRef.current = onActivate;
  const activate = useCallback((row: T) => activateRef.current?.(row), []);
  // A filter can shrink the list under the focus: keep it on a row that exists.
  const focused = Math.min(focusedRaw, Math.max(0, items.length - 1));
  const focusedItem = items[focused];
  const focusedRow = focusedItem?.kind === 'row' ? focusedItem.row.original : undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(items.length - 1, focused + (e.key === 'ArrowDown' ? 1 : -1)));
      setFocused(next);
      virtualizer.scrollToIndex(next);
    } else if (e.key === 'Enter' && onActivate && focusedRow) {
      onActivate(focusedRow);
    } else {
      onKey?.(e, focusedRow);
    }
  };

  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={items.length}>
      {table.getHeaderGroups().map((group) => (
        <div className="vtable-head" role="row" key={group.id} style={{ gridTemplateColumns: template }}>
          {group.headers.map((header) => (
            <div
              role="columnheader"
              key={header.id}
              className={header.column.getCanSort() ? 'sortable' : undefined}
              onClick={header.column.getToggleSortingHandler()}
              aria-sort={header.column.getIsSorted() === 'asc' ? 'ascending' : header.column.getIsSorted() === 'desc' ? 'descending' : undefined}
            >
              {flexRender(header.column.columnDef.header, header.getContext())}
              {header.column.getIsSorted() === 'asc' ? ' ▲' : header.column.getIsSorted() === 'desc' ? ' ▼' : ''}
            </div>
          ))}
        </div>
      ))}
      <div className="vtable-body" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} data-testid="table-scroller">
        {rows.length === 0 ? (
          <div className="vtable-empty">{emptyText}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entry = items[item.index]!;
              if (entry.kind === 'group') {
                return (
                  <div role="row" key={`group:${entry.key}`} className="vtable-group" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                    <div role="cell">
                      <strong>{entry.key || 'Not grouped'}</strong> <span className="muted">{entry.count}</span>
                    </div>
                  </div>
                );
              }
              return (
                <VRow
                  key={entry.row.id}
                  row={entry.row}
                  index={item.index}
                  start={item.start}
                  size={item.size}
                  focused={item.index === focused}
                  template={template}
                  columns={columns}
                  setFocused={setFocused}
                  activate={activate}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

/** The rows in order, with a header before each group (groups by name, the ungrouped last). */
function groupItems<T>(rows: Row<T>[], groupBy: ((row: T) => string) | undefined): Item<T>[] {
  if (!groupBy) return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, Row<T>[]>();
  for (const row of rows) {
    const key = groupBy(row.original);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const out: Item<T>[] = [];
  for (const key of keys) {
    const list = groups.get(key)!;
    out.push({ kind: 'group', key, count: list.length });
    for (const row of list) out.push({ kind: 'row', row });
  }
  return out;
}

interface VRowProps<T> {
  row: Row<T>;
  index: number;
  start: number;
  size: number;
  focused: boolean;
  template: string;
  /** Only compared: new columns (e.g. a changed selection) re-render the row. */
  columns: unknown;
  setFocused(index: number): void;
  activate(row: T): void;
}

// Memoized: while scrolling, only the rows that come into view render; the others only move.
const VRow = memo(function VRow<T>({ row, index, start, size, focused, template, setFocused, activate }: VRowProps<T>) {
  return (
    <div
      role="row"
      data-row-id={row.id}
      className={focused ? 'vtable-row focused' : 'vtable-row'}
      style={{ gridTemplateColumns: template, height: size, transform: `translateY(${start}px)` }}
      onClick={() => setFocused(index)}
      onDoubleClick={(e) => {
        if (!(e.target as HTMLElement).closest('button,input,a')) activate(row.original);
      }}
    >
      {row.getVisibleCells().map((cell) => (
        <div role="cell" key={cell.id} data-col={cell.column.id}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
}) as <T>(props: VRowProps<T>) => ReactElement;
