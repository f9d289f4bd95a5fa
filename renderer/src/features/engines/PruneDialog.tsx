// Asks before a prune, with an optional label filter (only objects carrying those labels).
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DiskCategory, PruneResult } from '../../../../electron/api/contracts/engines';
import type { EngineInfo } from '../../../../electron/api/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';
import { CATEGORY_WORDS, PRUNE_WORDS } from './words';

interface Props {
  engine: EngineInfo;
  category: DiskCategory;
  onClose(): void;
  onDone(result: PruneResult): void;
}

export function PruneDialog({ engine, category, onClose, onDone }: Props) {
  const [labels, setLabels] = useState('');
  const list = labels.split(/[\s,]+/).filter(Boolean);
  const prune = useMutation({ mutationFn: () => client.engines.prune({ engineId: engine.id, category, labels: list }), onSuccess: onDone });
  const canFilter = category !== 'buildCache';
  return (
    <ConfirmDialog
      title={`Prune ${CATEGORY_WORDS[category].toLowerCase()} on ${engine.name}?`}
      confirmLabel="Prune"
      danger
      busy={prune.isPending}
      error={prune.error ? errorText(prune.error) : undefined}
      onConfirm={() => prune.mutate()}
      onCancel={onClose}
    >
      <p>
        This removes {PRUNE_WORDS[category]}
        {list.length ? ' that carry the labels below' : ''} from {engine.name}. It cannot be undone.
      </p>
      {canFilter && (
        <label>
          Only with labels (optional; key or key=value, separated by spaces)
          <input value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="com.example.project=demo" aria-label="Label filter" />
        </label>
      )}
    </ConfirmDialog>
  );
}
