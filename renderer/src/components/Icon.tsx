// A few line icons drawn inline (no icon font, no emoji: both depend on the OS's fonts).
const PATHS = {
  play: 'M5 3.5v9l8-4.5z',
  stop: 'M4 4h8v8H4z',
  restart: 'M13 8a5 5 0 1 1-1.5-3.5M13 2.5V5h-2.5',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5M7 7v4M9 7v4',
  pause: 'M5 3.5h2v9H5zM9 3.5h2v9H9z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, filled }: { name: IconName; filled?: boolean }) {
  const fill = filled ?? (name === 'play' || name === 'stop' || name === 'pause');
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill={fill ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={fill ? 0 : 1.4} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
