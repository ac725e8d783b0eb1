/** The tabs of one cohort: its live board, admissions and mentor proposals. */
import { Link, useLocation } from 'wouter';
import { defineStrings } from '../app/i18n.tsx';

const useT = defineStrings({
  vi: { label: 'Các mục của khoá', board: 'Bảng theo dõi', admissions: 'Tuyển chọn dự án', proposals: 'Ghép cố vấn' },
  en: { label: 'Cohort sections', board: 'Board', admissions: 'Admissions', proposals: 'Mentor proposals' },
});

export function CohortNav({ cohortId }: { cohortId: string }) {
  const t = useT();
  const [location] = useLocation();
  const tabs = [
    { href: `/cohorts/${cohortId}/board`, label: t.board, current: location === '/board' || location.endsWith('/board') || location === `/cohorts/${cohortId}` },
    { href: `/cohorts/${cohortId}/admissions`, label: t.admissions, current: location.endsWith('/admissions') },
    { href: `/cohorts/${cohortId}/proposals`, label: t.proposals, current: location.endsWith('/proposals') },
  ];
  return (
    <nav className="cohort-nav" aria-label={t.label}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={tab.current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
