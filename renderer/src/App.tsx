// The app shell: sidebar (pages, engines, theme) and the page in view.
import { useQueryClient } from '@tanstack/react-query';
import { EngineList } from './features/engines/EngineList';
import { useConnection } from './lib/connection';
import { useLiveUpdates } from './lib/live';
import { useRoute } from './lib/route';
import { PAGES } from './pages';
import { ThemeSelect } from './features/settings/ThemeSelect';

export function App() {
  const queryClient = useQueryClient();
  useLiveUpdates(queryClient);
  const connection = useConnection();
  const [pageId] = useRoute();
  const page = PAGES.find((p) => p.id === pageId) ?? PAGES[0]!;
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
          {PAGES.map((p) => (
            <a key={p.id} className={p === page ? 'nav-item active' : 'nav-item'} aria-current={p === page ? 'page' : undefined} href={`#${p.id}`}>
              {p.label}
            </a>
          ))}
        </nav>
        <EngineList />
        <label className="theme">
          Theme
          <ThemeSelect />
        </label>
      </aside>
      <main className="content">
        {connection === 'closed' && (
          <div className="banner" role="alert">
            The connection to Berth's backend was lost (was `berth serve` stopped?). Start it again and reload this page.
          </div>
        )}
        {page.render()}
      </main>
    </div>
  );
}
