// The window's size and place across launches: saved bounds are used only when they still
// fall on a screen (a monitor may have been unplugged since), else a default size centred.
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 800, height: 500 };
const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Where to open the window: the saved place if a good part of it is on a screen. */
export function restoreWindowState(saved: WindowState | undefined, workAreas: Rect[]): WindowState | { width: number; height: number; maximized: false } {
  const primary = workAreas[0];
  const fallback = {
    width: Math.min(DEFAULT_SIZE.width, primary?.width ?? DEFAULT_SIZE.width),
    height: Math.min(DEFAULT_SIZE.height, primary?.height ?? DEFAULT_SIZE.height),
    maximized: false as const,
  };
  if (!saved) return fallback;
  const area = workAreas.find((a) => {
    const o = overlap(saved, a);
    return o.w >= MIN_VISIBLE && o.h >= MIN_VISIBLE;
  });
  if (!area) return fallback;
  const width = Math.max(MIN_SIZE.width, Math.min(saved.width, area.width));
  const height = Math.max(MIN_SIZE.height, Math.min(saved.height, area.height));
  // Keep the title bar reachable: not above the screen's top edge.
  const y = Math.max(area.y, Math.min(saved.y, area.y + area.height - MIN_VISIBLE));
  return { x: saved.x, y, width, height, maximized: saved.maximized };
}
