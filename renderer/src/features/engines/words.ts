// Words and numbers of the Engines page.
import type { EngineInfo } from '../../../../electron/api/schemas';

export const SOURCE_WORDS: Record<EngineInfo['source'], string> = {
  env: 'from DOCKER_HOST',
  'docker-context': 'from the docker context',
  'default-socket': 'default socket',
  'podman-machine': 'Podman machine',
  manual: 'added by hand',
};

export const KIND_WORDS: Record<EngineInfo['kind'], string> = { docker: 'Docker', podman: 'Podman', unknown: 'Unknown engine' };

export const CATEGORY_WORDS = { images: 'Images', containers: 'Containers', volumes: 'Volumes', buildCache: 'Build cache' } as const;

/** What a prune of each category removes, said before the user confirms. */
export const PRUNE_WORDS = {
  images: 'dangling images (untagged, used by no container)',
  containers: 'stopped containers',
  volumes: 'volumes no container uses',
  buildCache: 'the whole build cache',
} as const;

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** Bytes the way `docker system df` prints them (powers of 1000). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0 B';
  const i = Math.min(UNITS.length - 1, Math.floor(Math.log10(n) / 3));
  const v = n / 1000 ** i;
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${UNITS[i]}`;
}
