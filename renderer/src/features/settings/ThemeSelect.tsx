// The theme picker (sidebar and Settings page); the choice is kept in settings.json.
import { useTheme, type Theme } from '../../lib/theme';

export function ThemeSelect({ labels = { system: 'System', light: 'Light', dark: 'Dark' } }: { labels?: Record<Theme, string> }) {
  const [theme, setTheme] = useTheme();
  return (
    <select aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
      {(Object.keys(labels) as Theme[]).map((t) => (
        <option key={t} value={t}>
          {labels[t]}
        </option>
      ))}
    </select>
  );
}
