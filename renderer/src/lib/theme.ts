// Light, dark or the system's choice, remembered in this browser profile.
import { useEffect, useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem('berth.theme') as Theme | null) ?? 'system');
  useEffect(() => {
    localStorage.setItem('berth.theme', theme);
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
  return [theme, setTheme];
}
