/**
 * What each KPI of the plan counts (README "Reports" says the same in
 * words). Activity KPIs count the activities of one kind that started in
 * the period, by today; the others have their own rules in kpis.ts.
 */
import type { ActivityKind } from '../ledger/activity-kinds.js';
import type { KpiCode } from '../ledger/plan-targets.js';

export interface KpiDefinition {
  code: KpiCode;
  label: { vi: string; en: string };
  /** The activity kind counted, for activity KPIs. */
  activityKind?: ActivityKind;
}

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  { code: 'ideas_supported', label: { vi: 'Ý tưởng, dự án khởi nghiệp được hỗ trợ', en: 'Ideas and projects supported' } },
  { code: 'st_enterprises', label: { vi: 'Doanh nghiệp khoa học và công nghệ hình thành', en: 'S&T enterprises formed' } },
  { code: 'local_connection_events', label: { vi: 'Sự kiện kết nối quy mô địa phương', en: 'Local connection events' }, activityKind: 'local_connection_event' },
  { code: 'regional_events', label: { vi: 'Sự kiện quy mô vùng', en: 'Regional events' }, activityKind: 'regional_event' },
  { code: 'awareness_classes', label: { vi: 'Lớp đào tạo cơ bản về nhận thức khởi nghiệp', en: 'Basic awareness classes' }, activityKind: 'awareness_class' },
  { code: 'ecosystem_trainings', label: { vi: 'Khóa huấn luyện cho hệ sinh thái', en: 'Ecosystem trainings' }, activityKind: 'ecosystem_training' },
  { code: 'founder_courses', label: { vi: 'Khóa huấn luyện cho nhà khởi nghiệp', en: 'Founder courses' }, activityKind: 'founder_course' },
  { code: 'fundraising_programmes', label: { vi: 'Chương trình trải nghiệm gọi vốn', en: 'Fundraising-practice programmes' }, activityKind: 'fundraising_practice' },
  { code: 'showcase_points', label: { vi: 'Điểm trưng bày sản phẩm khởi nghiệp', en: 'Showcase points' }, activityKind: 'showcase_point' },
  { code: 'student_contests', label: { vi: 'Cuộc thi học sinh, sinh viên với ý tưởng khởi nghiệp', en: 'Student startup-idea contests' }, activityKind: 'student_contest' },
  { code: 'themed_competitions', label: { vi: 'Cuộc thi khởi nghiệp theo chủ đề (Mekong Startup Runway)', en: 'Themed startup competitions (Mekong Startup Runway)' }, activityKind: 'themed_competition' },
];

export const MENTOR_FIGURES = ['active_mentors', 'sessions_held', 'hours', 'median_response_hours'] as const;
export type MentorFigureCode = (typeof MENTOR_FIGURES)[number];

export const MENTOR_FIGURE_LABELS: Record<MentorFigureCode, { vi: string; en: string }> = {
  active_mentors: { vi: 'Cố vấn hoạt động (có buổi tư vấn)', en: 'Active mentors (held a session)' },
  sessions_held: { vi: 'Buổi tư vấn đã tổ chức', en: 'Sessions held' },
  hours: { vi: 'Giờ tư vấn', en: 'Mentoring hours' },
  median_response_hours: { vi: 'Thời gian phản hồi yêu cầu (trung vị, giờ)', en: 'Median response to requests (hours)' },
};

export const KPI_STATUSES = ['met', 'on_track', 'behind', 'no_target'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

export const STATUS_LABELS: Record<KpiStatus, { vi: string; en: string }> = {
  met: { vi: 'Đạt', en: 'Met' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  behind: { vi: 'Chậm', en: 'Behind' },
  no_target: { vi: 'Chưa có chỉ tiêu', en: 'No target' },
};
