// The Containers page's own routes:
//   #containers                                   the list
//   #containers/run?engine=<id>&image=<ref>       the list with the Run dialog open, prefilled
//   #containers/<engineId>/<containerId>/<tab>    one container's detail (logs, terminal, inspect, stats)
import { navigate, useRoute } from '../../lib/route';

export const TABS = ['logs', 'terminal', 'inspect', 'stats'] as const;
export type DetailTab = (typeof TABS)[number];

export type ContainersRoute =
  | { kind: 'list' }
  | { kind: 'run'; engine?: string; image?: string }
  | { kind: 'detail'; engineId: string; id: string; tab: DetailTab };

export function parseContainersRoute(hash: string): ContainersRoute {
  const h = hash.replace(/^#\/?/, '');
  const run = /^containers\/run(?:\?(.*))?$/.exec(h);
  if (run) {
    const q = new URLSearchParams(run[1] ?? '');
    return { kind: 'run', ...(q.get('engine') ? { engine: q.get('engine')! } : {}), ...(q.get('image') ? { image: q.get('image')! } : {}) };
  }
  const parts = h.split('/').map((p) => decodeURIComponent(p));
  if (parts[0] === 'containers' && parts[1] && parts[2]) {
    const tab = (TABS as readonly string[]).includes(parts[3] ?? '') ? (parts[3] as DetailTab) : 'logs';
    return { kind: 'detail', engineId: parts[1], id: parts[2], tab };
  }
  return { kind: 'list' };
}

export function useContainersRoute(): ContainersRoute {
  useRoute(); // re-render on hash changes
  return parseContainersRoute(window.location.hash);
}

export const openDetail = (engineId: string, id: string, tab: DetailTab = 'logs') => navigate('containers', engineId, id, tab);
export const openList = () => navigate('containers');
export const runHref = (engine?: string, image?: string) => {
  const q = new URLSearchParams();
  if (engine) q.set('engine', engine);
  if (image) q.set('image', image);
  const s = q.toString();
  return `#containers/run${s ? `?${s}` : ''}`;
};
