import { Link } from 'wouter';
import { useAuth } from './auth.tsx';
import { defineStrings } from './i18n.tsx';
import { HOME } from './nav.ts';

const useT = defineStrings({
  vi: { notFound: 'Không tìm thấy trang này.', home: 'Về trang chính' },
  en: { notFound: 'This page does not exist.', home: 'Go to the start page' },
});

/** What a role's screens show for a path they do not have. */
export function NotFound() {
  const t = useT();
  const { user } = useAuth();
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t.notFound}</h1>
      <Link href={user ? HOME[user.role] : '/login'}>{t.home}</Link>
    </section>
  );
}
