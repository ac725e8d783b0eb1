/** The top bar's links for each role; each role's screens load on demand (see App.tsx). */
import type { Role } from './auth.tsx';
import type { Bilingual } from './i18n.tsx';

export interface NavItem {
  href: string;
  label: Bilingual;
}

export const NAV: Record<Role, NavItem[]> = {
  startup: [
    { href: '/startup', label: { vi: 'Dự án', en: 'Startup' } },
    { href: '/mentors', label: { vi: 'Tìm cố vấn', en: 'Find mentors' } },
    { href: '/sessions', label: { vi: 'Buổi cố vấn', en: 'Sessions' } },
    { href: '/milestones', label: { vi: 'Cột mốc', en: 'Milestones' } },
  ],
  mentor: [
    { href: '/requests', label: { vi: 'Yêu cầu', en: 'Requests' } },
    { href: '/sessions', label: { vi: 'Buổi cố vấn', en: 'Sessions' } },
    { href: '/profile', label: { vi: 'Hồ sơ', en: 'Profile' } },
    { href: '/availability', label: { vi: 'Lịch rảnh', en: 'Availability' } },
  ],
  manager: [
    { href: '/board', label: { vi: 'Bảng theo dõi', en: 'Board' } },
    { href: '/cohorts', label: { vi: 'Khoá ươm tạo', en: 'Cohorts' } },
    { href: '/approvals', label: { vi: 'Duyệt cố vấn', en: 'Mentor approvals' } },
    { href: '/reports', label: { vi: 'Báo cáo', en: 'Reports' } },
  ],
  admin: [
    { href: '/board', label: { vi: 'Bảng theo dõi', en: 'Board' } },
    { href: '/cohorts', label: { vi: 'Khoá ươm tạo', en: 'Cohorts' } },
    { href: '/approvals', label: { vi: 'Duyệt cố vấn', en: 'Mentor approvals' } },
    { href: '/reports', label: { vi: 'Báo cáo', en: 'Reports' } },
  ],
};

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = { startup: '/startup', mentor: '/requests', manager: '/board', admin: '/board' };
