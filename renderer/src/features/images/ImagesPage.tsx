// Images of every connected engine, live: search, dangling filter, multi-select; pull,
// build, push, tag, remove and prune; a click opens the image's detail.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ImageRow } from '../../../../electron/api/contracts/images';
import { EngineSelect } from '../../components/EngineSelect';
import { VirtualTable } from '../../components/VirtualTable';
import { errorText } from '../../components/Toasts';
import { formatBytes } from '../../lib/bytes';
import { orpc } from '../../lib/rpc';
import { navigate, useRoute } from '../../lib/route';
import { BuildDialog } from './BuildDialog';
import { filesFromDrop, type PickedFile } from './context-files';
import { imageColumns, imageKey, TEMPLATE } from './columns';
import { ImageDetail } from './ImageDetail';
import { PruneDialog, RemoveImagesDialog, TagDialog } from './ImageDialogs';
import { PullDialog } from './PullDialog';
import { PushDialog } from './PushDialog';
import './images.css';
import './live';

const FILTERS = ['all', 'tagged', 'dangling'] as const;
type Filter = (typeof FILTERS)[number];
type Dialog = { kind: 'pull' } | { kind: 'build'; files?: Promise<PickedFile[]> } | { kind: 'prune' } | { kind: 'push' | 'tag'; row: ImageRow } | { kind: 'remove'; rows: ImageRow[] };

export function ImagesPage() {
  const [, engineId, imageId] = useRoute();
  if (engineId && imageId) return <ImageDetail engineId={engineId} imageId={imageId} />;
  return <ImagesList />;
}

function ImagesList() {
  const images = useQuery({ ...orpc.images.list.queryOptions({ input: {} }), staleTime: Infinity });
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [engineFilter, setEngineFilter] = useState('all');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>();
  const [dragging, setDragging] = useState(false);
  const engineMap = useMemo(() => new Map((engines.data ?? []).map((e) => [e.id, e])), [engines.data]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (images.data ?? []).filter(
      (r) =>
        (filter === 'all' || (filter === 'dangling') === r.dangling) &&
        (engineFilter === 'all' || r.engineId === engineFilter) &&
        (!q || r.repoTags.some((t) => t.toLowerCase().includes(q)) || r.id.replace(/^sha256:/, '').startsWith(q)),
    );
  }, [images.data, search, filter, engineFilter]);

  // Selection survives only for rows still shown.
  const chosen = rows.filter((r) => selected.has(imageKey(r)));
  const allSelected = rows.length > 0 && chosen.length === rows.length;
  const columns = useMemo(
    () =>
      imageColumns({
        engines: engineMap,
        selected,
        allSelected,
        toggle: (r) =>
          setSelected((s) => {
            const n = new Set(s);
            if (!n.delete(imageKey(r))) n.add(imageKey(r));
            return n;
          }),
        toggleAll: () => setSelected(allSelected ? new Set() : new Set(rows.map(imageKey))),
        open: (r) => navigate('images', r.engineId, r.id),
        push: (row) => setDialog({ kind: 'push', row }),
        tag: (row) => setDialog({ kind: 'tag', row }),
        remove: (r) => setDialog({ kind: 'remove', rows: [r] }),
      }),
    [engineMap, selected, allSelected, rows],
  );
  const total = images.data?.length ?? 0;
  const size = (images.data ?? []).reduce((s, r) => s + r.size, 0);
  const close = () => setDialog(undefined);

  return (
    <section
      className={dragging ? 'page dragging' : 'page'}
      aria-labelledby="images-title"
      // A folder or Dockerfile dropped anywhere on the page opens the build with it.
      onDragOver={(e) => {
        if (!dialog && e.dataTransfer.types.includes('Files')) (e.preventDefault(), setDragging(true));
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        if (dialog) return;
        e.preventDefault();
        setDragging(false);
        setDialog({ kind: 'build', files: filesFromDrop(e.dataTransfer) });
      }}
    >
      <header className="page-head">
        <h1 id="images-title">Images</h1>
        <span className="muted" data-testid="images-count">
          {total} images, {formatBytes(size)}
        </span>
        <div className="page-actions">
          <button className="primary" onClick={() => setDialog({ kind: 'pull' })}>
            Pull…
          </button>
          <button onClick={() => setDialog({ kind: 'build' })}>Build…</button>
          <button onClick={() => setDialog({ kind: 'prune' })}>Prune…</button>
        </div>
      </header>
      <div className="toolbar">
        <input type="search" placeholder="Search tag or id" aria-label="Search images" value={search} onChange={(e) => setSearch(e.target.value)} />
        <div className="segmented" role="radiogroup" aria-label="Show">
          {FILTERS.map((f) => (
            <button key={f} role="radio" aria-checked={filter === f} className={filter === f ? 'on' : ''} onClick={() => setFilter(f)}>
              {f}
            </button>
          ))}
        </div>
        <EngineSelect value={engineFilter} onChange={setEngineFilter} />
        <span className="muted drop-hint">Drop a folder here to build it</span>
        {chosen.length > 0 && (
          <button className="danger-text" onClick={() => setDialog({ kind: 'remove', rows: chosen })}>
            Remove {chosen.length} selected
          </button>
        )}
      </div>
      {images.error && (
        <p className="error-text" role="alert">
          Could not list images: {errorText(images.error)}
        </p>
      )}
      <VirtualTable
        label="Images"
        data={rows}
        columns={columns}
        rowId={imageKey}
        template={TEMPLATE}
        onActivate={(r) => navigate('images', r.engineId, r.id)}
        emptyText={images.isPending ? 'Loading…' : total === 0 ? 'No images yet: pull one or build one.' : 'No image matches the filters.'}
      />
      {dialog?.kind === 'pull' && <PullDialog onClose={close} />}
      {dialog?.kind === 'build' && <BuildDialog onClose={close} initialFiles={dialog.files} />}
      {dialog?.kind === 'prune' && <PruneDialog onClose={close} />}
      {dialog?.kind === 'push' && <PushDialog image={dialog.row} onClose={close} />}
      {dialog?.kind === 'tag' && <TagDialog image={dialog.row} onClose={close} />}
      {dialog?.kind === 'remove' && (
        <RemoveImagesDialog
          images={dialog.rows}
          onClose={() => {
            setSelected(new Set());
            close();
          }}
        />
      )}
    </section>
  );
}
