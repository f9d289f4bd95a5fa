// Which files of a browser-picked context need not even be uploaded: those a plain
// .dockerignore line names. A safe subset; the backend applies the whole file when it packs.

/** Excludes what plain (glob-free) .dockerignore lines name; nothing at all when there are "!" exceptions. */
export function plainExclusions(dockerignore: string | undefined): (path: string) => boolean {
  if (!dockerignore) return () => false;
  const lines = dockerignore
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.some((l) => l.startsWith('!'))) return () => false;
  const plain = lines.filter((l) => !/[*?[\]\\]/.test(l)).map((l) => l.replace(/^\/+|\/+$/g, '').replace(/^\.\//, ''));
  return (p) => p !== 'Dockerfile' && p !== '.dockerignore' && plain.some((l) => l && (p === l || p.startsWith(`${l}/`)));
}
