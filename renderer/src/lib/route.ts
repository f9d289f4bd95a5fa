// Hash routing: #page or #page/detail, so a reload or a shared URL keeps the place.
import { useSyncExternalStore } from 'react';

const read = () => decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));

export function useRoute(): string[] {
  const hash = useSyncExternalStore(
    (l) => (window.addEventListener('hashchange', l), () => window.removeEventListener('hashchange', l)),
    read,
  );
  return hash.split('/').filter(Boolean);
}

export function navigate(...parts: string[]): void {
  window.location.hash = `#${parts.map(encodeURIComponent).join('/')}`;
}
