// The local images of every connected engine, as drag sources (application/x-berth-image)
// onto ECS services, each with a Deploy button for those who do not drag.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { errorText } from '../../components/Toasts';
import { setDraggedImage, type DraggedImage } from '../../lib/dnd';
import { onLiveEvent } from '../../lib/live';
import { orpc } from '../../lib/rpc';
import { bytes } from '../aws/format';

// Image events from the engines refresh this list (no polling while idle).
onLiveEvent((ev, queryClient) => {
  if (ev.kind === 'object' && ev.type === 'image') void queryClient.invalidateQueries({ queryKey: orpc.aws.deploy.localImages.key() });
});

export function LocalImages({ onDeploy }: { onDeploy(image: DraggedImage): void }) {
  const images = useQuery({ ...orpc.aws.deploy.localImages.queryOptions({ input: {} }), staleTime: Infinity });
  const [search, setSearch] = useState('');
  const rows = useMemo(
    () => (images.data ?? []).flatMap((img) => img.tags.map((tag) => ({ ...img, tag }))).filter((r) => !search || r.tag.includes(search.trim())),
    [images.data, search],
  );
  return (
    <div className="local-images">
      <h2 className="aws-h2">Local images</h2>
      <input type="search" aria-label="Search local images" placeholder="Filter" value={search} onChange={(e) => setSearch(e.target.value)} />
      {images.error && <p className="error-text">{errorText(images.error)}</p>}
      <ul className="aws-list" aria-label="Local images">
        {rows.slice(0, 200).map((r) => (
          <li
            key={`${r.engineId}/${r.tag}`}
            className="local-image"
            draggable
            data-image={r.tag}
            title="Drag onto an ECS service to deploy"
            onDragStart={(e) => setDraggedImage(e, { engineId: r.engineId, ref: r.tag })}
          >
            <span className="drag-grip" aria-hidden>
              ⠿
            </span>
            <span className="local-image-name">
              <span className="mono">{r.tag}</span>
              <span className="muted small">
                {r.engineName} · {bytes(r.size)}
              </span>
            </span>
            <button className="small-button" aria-label={`Deploy ${r.tag}`} onClick={() => onDeploy({ engineId: r.engineId, ref: r.tag })}>
              Deploy
            </button>
          </li>
        ))}
        {images.data && rows.length === 0 && <li className="muted">No tagged local images.</li>}
      </ul>
    </div>
  );
}
