// A table that renders only the rows in view (TanStack Table for columns and sorting,
// TanStack Virtual for the window), so 10,000 rows scroll like 10.
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent } from 'react';

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
}

export function VirtualTable<T>({ data, columns, rowId, rowHeight = 40, emptyText, template, label, onActivate }: VirtualTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [focused, setFocused] = useState(0);
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
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (!rows.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, focused + (e.key === 'ArrowDown' ? 1 : -1)));
      setFocused(next);
      virtualizer.scrollToIndex(next);
    } else if (e.key === 'Enter' && onActivate && rows[focused]) {
      onActivate(rows[focused]!.original);
    }
  };

  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rows.length}>
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
              const row = rows[item.index]!;
              return (
                <div
                  role="row"
                  key={row.id}
                  data-row-id={row.id}
                  className={item.index === focused ? 'vtable-row focused' : 'vtable-row'}
                  style={{ gridTemplateColumns: template, height: item.size, transform: `translateY(${item.start}px)` }}
                  onClick={() => setFocused(item.index)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <div role="cell" key={cell.id} data-col={cell.column.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
