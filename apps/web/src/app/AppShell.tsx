import { Suspense, useEffect, useRef, useState, type ComponentType, type SVGProps } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ButtonLink } from '../components/ui/Button.js';
import { ActivityIcon, ChartIcon, GearIcon, HomeIcon, LogoMark, MenuIcon, TagIcon } from '../components/ui/Icons.js';
import { LoadingState, OutageState } from '../components/ui/States.js';
import { SignOutButton } from '../features/auth/components/SignOutButton.js';
import { useViewer } from '../features/auth/hooks/useViewer.js';
import { UsageBanner } from '../features/usage/components/UsageBanner.js';
import { isOutage } from '../lib/outage.js';
import { UpgradeDialog } from './UpgradeDialog.js';

type Audience = 'everyone' | 'members' | 'admins';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly Icon: ComponentType<SVGProps<SVGSVGElement>>;
  readonly end: boolean;
  readonly audience: Audience;
}

const NAV: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', Icon: HomeIcon, end: true, audience: 'members' },
  { to: '/attribution', label: 'Attribution', Icon: ChartIcon, end: false, audience: 'members' },
  { to: '/pricing', label: 'Plans & pricing', Icon: TagIcon, end: false, audience: 'everyone' },
  { to: '/settings', label: 'Settings', Icon: GearIcon, end: false, audience: 'members' },
  { to: '/admin', label: 'Developer', Icon: ActivityIcon, end: false, audience: 'admins' },
];

// The API enforces access; this only spares people links that would answer FORBIDDEN.
function canSee(audience: Audience, role: string | undefined): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'members') return role !== undefined;
  return role === 'OWNER' || role === 'ADMIN';
}

/**
 * After a client-side navigation, focus moves to the new page's main region, as a page load would
 * put a screen reader at the top; the first render keeps the browser's own focus.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return main;
}

/** The shell renders at once; only the routes that need the viewer wait for `me` (RequireAuth). */
export function AppShell() {
  const { viewer, loading, error, refetch } = useViewer();
  const { pathname } = useLocation();
  const main = useFocusOnNavigation();
  const [menuOpen, setMenuOpen] = useState(false);
  const outage = !viewer && isOutage(error);

  // On phones the menu folds away again once a link has been followed.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className={menuOpen ? 'sidebar sidebar--open' : 'sidebar'}>
        <div className="sidebar__top">
          <NavLink to="/" className="brand">
            <LogoMark className="brand__mark" />
            Attribution Analytics
          </NavLink>
          <button
            type="button"
            className="btn btn--ghost btn--sm menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <MenuIcon className="nav__icon" />
            Menu
          </button>
        </div>
        <div className="sidebar__menu" id="app-menu">
          <nav className="nav" aria-label="Main">
            {NAV.filter((item) => canSee(item.audience, viewer?.role)).map(({ to, label, Icon, end }) => (
              <NavLink
                key={to}
                to={to}
                end={end}
                className={({ isActive }) => (isActive ? 'nav__link nav__link--active' : 'nav__link')}
              >
                <Icon className="nav__icon" />
                {label}
              </NavLink>
            ))}
          </nav>
          <div className="sidebar__footer">
            {viewer ? (
              <>
                <div>
                  <div className="sidebar__org">{viewer.organization.name}</div>
                  <div className="sidebar__email">{viewer.user?.email ?? 'API key'}</div>
                </div>
                <SignOutButton />
              </>
            ) : (
              !loading &&
              !outage && (
                <ButtonLink to="/signin" size="sm">
                  Sign in
                </ButtonLink>
              )
            )}
          </div>
        </div>
      </header>
      <main className="main" id="main" tabIndex={-1} ref={main}>
        {outage ? (
          <OutageState onRetry={() => void refetch()} />
        ) : (
          <Suspense fallback={<LoadingState />}>
            {viewer && <UsageBanner />}
            <Outlet />
          </Suspense>
        )}
      </main>
      <UpgradeDialog />
    </div>
  );
}
