/**
 * The shell: language, the signed-in user, the top bar, and each role's
 * screens, loaded on demand so the first screen carries only what it needs.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { AuthProvider, useAuth, type Role } from './auth.tsx';
import { defineStrings, LangProvider, useBilingual, useLang } from './i18n.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { HOME, NAV } from './nav.ts';
import { NotificationBell, NotificationsPage } from './notifications.tsx';
import { Loading } from './ui.tsx';
import { Login } from '../auth/Login.tsx';
import { Signup } from '../auth/Signup.tsx';

const ROLE_SCREENS: Record<Role, ReturnType<typeof lazy>> = {
  startup: lazy(() => import('../founder/FounderRoutes.tsx')),
  mentor: lazy(() => import('../mentor/MentorRoutes.tsx')),
  manager: lazy(() => import('../manager/ManagerRoutes.tsx')),
  admin: lazy(() => import('../manager/ManagerRoutes.tsx')),
};

const useT = defineStrings({
  vi: {
    skip: 'Bỏ qua đến nội dung chính',
    language: 'Ngôn ngữ',
    logout: 'Đăng xuất',
    main: 'Điều hướng chính',
  },
  en: {
    skip: 'Skip to main content',
    language: 'Language',
    logout: 'Sign out',
    main: 'Main navigation',
  },
});

export function App() {
  return (
    <LangProvider>
      <AuthProvider>
        <Shell />
      </AuthProvider>
    </LangProvider>
  );
}

export function LanguageSwitch() {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <label className="row">
      <span className="sr-only">{t.language}</span>
      <select aria-label={t.language} value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'vi')}>
        <option value="vi">Tiếng Việt</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

function Shell() {
  const t = useT();
  const { user, logout } = useAuth();
  const text = useBilingual();
  const [location] = useLocation();
  const mainRef = useRef<HTMLElement>(null);

  // After a navigation, focus moves to the new page's heading (screen readers announce it).
  useEffect(() => {
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    heading?.focus({ preventScroll: true });
  }, [location]);

  if (user === undefined) return <Loading />;

  if (!user)
    return (
      <>
        <header className="topbar">
          <Link href="/login" className="brand">
            Runway
          </Link>
          <div className="tools">
            <LanguageSwitch />
          </div>
        </header>
        <main ref={mainRef}>
          <Switch>
            <Route path="/signup" component={Signup} />
            <Route path="/login" component={Login} />
            <Route>
              <Redirect to="/login" />
            </Route>
          </Switch>
        </main>
      </>
    );

  const Screens = ROLE_SCREENS[user.role];
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className="topbar">
        <Link href={HOME[user.role]} className="brand">
          Runway
        </Link>
        <nav aria-label={t.main}>
          {NAV[user.role].map((item) => (
            <Link key={item.href} href={item.href} aria-current={location.startsWith(item.href) ? 'page' : undefined}>
              {text(item.label)}
            </Link>
          ))}
        </nav>
        <div className="tools">
          <LiveIndicator />
          <NotificationBell />
          <LanguageSwitch />
          <span className="muted-on-brand">{user.name}</span>
          <button type="button" className="link" onClick={logout}>
            {t.logout}
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/login">
              <Redirect to={HOME[user.role]} />
            </Route>
            <Route path="/signup">
              <Redirect to={HOME[user.role]} />
            </Route>
            <Route path="/">
              <Redirect to={HOME[user.role]} />
            </Route>
            <Route path="/notifications" component={NotificationsPage} />
            <Route>
              <Screens />
            </Route>
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
