// The app shell: sidebar (pages, engines, theme) and the page in view.
import { useQueryClient } from '@tanstack/react-query';
import { ContainersPage } from './features/containers/ContainersPage';
import { EngineList } from './features/engines/EngineList';
import { useConnection } from './lib/connection';
import { useLiveUpdates } from './lib/live';
import { useTheme, type Theme } from './lib/theme';

export function App() {
  const queryClient = useQueryClient();
  useLiveUpdates(queryClient);
  const [theme, setTheme] = useTheme();
  const connection = useConnection();
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="logo" aria-hidden>
            ⚓
          </span>{' '}
          Berth
        </div>
        <nav aria-label="Pages">
          <a className="nav-item active" aria-current="page" href="#containers">
            Containers
          </a>
        </nav>
        <EngineList />
        <label className="theme">
          Theme
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </aside>
      <main className="content">
        {connection === 'closed' && (
          <div className="banner" role="alert">
            The connection to Berth's backend was lost (was `berth serve` stopped?). Start it again and reload this page.
          </div>
        )}
        <ContainersPage />
      </main>
    </div>
  );
}
