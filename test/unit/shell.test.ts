import { describe, expect, it } from 'vitest';
import { menuCommands, menuTemplate, type MenuItemSpec } from '../../electron/shell/menu';
import { restoreWindowState } from '../../electron/shell/window-state';

const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

describe('application menu', () => {
  it('has the usual edit roles (so copy/paste shortcuts work) on every platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const roles = flat(menuTemplate(platform)).map((i) => i.role);
      for (const r of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize']) expect(roles, `${platform} ${r}`).toContain(r);
    }
  });

  it('puts About, Settings and Quit in the app menu on macOS, and File on the others', () => {
    const mac = menuTemplate('darwin', 'Berth');
    expect(mac[0]!.label).toBe('Berth');
    expect(mac[0]!.submenu!.map((i) => i.role ?? i.command)).toEqual(expect.arrayContaining(['about', 'open-settings', 'hide', 'quit']));
    const linux = menuTemplate('linux');
    expect(linux[0]!.label).toBe('File');
    expect(linux[0]!.submenu!.map((i) => i.role ?? i.command)).toEqual(['open-settings', undefined, 'quit']);
  });

  it('gives its own commands shortcuts that do not collide, and dev tools only when asked', () => {
    const items = flat(menuTemplate('linux'));
    const accels = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accels).size).toBe(accels.length);
    expect(items.find((i) => i.command === 'open-settings')!.accelerator).toBe('CmdOrCtrl+,');
    expect(menuCommands(menuTemplate('linux')).sort()).toEqual(['copy-diagnostics', 'open-engines', 'open-events', 'open-settings']);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flat(menuTemplate('linux', 'Berth', { devTools: true })).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

describe('window state', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1050 };
  const second = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('opens at the default size the first time', () => {
    expect(restoreWindowState(undefined, [screen])).toEqual({ width: 1280, height: 800, maximized: false });
    expect(restoreWindowState(undefined, [{ x: 0, y: 0, width: 1024, height: 700 }])).toMatchObject({ width: 1024, height: 700 });
  });

  it('restores saved bounds on a screen that is still there, maximized or not', () => {
    const saved = { x: 2000, y: 40, width: 1000, height: 700, maximized: true };
    expect(restoreWindowState(saved, [screen, second])).toEqual(saved);
  });

  it('falls back when the saved screen is gone, and keeps the title bar reachable and the size sane', () => {
    expect(restoreWindowState({ x: 2000, y: 40, width: 1000, height: 700, maximized: false }, [screen])).toEqual({ width: 1280, height: 800, maximized: false });
    expect(restoreWindowState({ x: 100, y: -100, width: 5000, height: 300, maximized: false }, [screen])).toEqual({ x: 100, y: 0, width: 1920, height: 500, maximized: false });
  });
});
