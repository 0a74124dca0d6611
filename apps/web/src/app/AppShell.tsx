import type { ComponentType, SVGProps } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ButtonLink } from '../components/ui/Button.js';
import { ActivityIcon, ChartIcon, GearIcon, HomeIcon, LogoMark, TagIcon } from '../components/ui/Icons.js';
import { LoadingState } from '../components/ui/States.js';
import { SignOutButton } from '../features/auth/components/SignOutButton.js';
import { useViewer } from '../features/auth/hooks/useViewer.js';
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
  { to: '/admin', label: 'Billing activity', Icon: ActivityIcon, end: false, audience: 'admins' },
];

// The API enforces access; this only spares people links that would answer FORBIDDEN.
function canSee(audience: Audience, role: string | undefined): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'members') return role !== undefined;
  return role === 'OWNER' || role === 'ADMIN';
}

export function AppShell() {
  const { viewer, loading } = useViewer();

  return (
    <div className="shell">
      <aside className="sidebar">
        <NavLink to="/" className="brand">
          <LogoMark className="brand__mark" />
          Attribution Analytics
        </NavLink>
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
            !loading && (
              <ButtonLink to="/signin" size="sm">
                Sign in
              </ButtonLink>
            )
          )}
        </div>
      </aside>
      <main className="main">{loading ? <LoadingState /> : <Outlet />}</main>
      <UpgradeDialog />
    </div>
  );
}
