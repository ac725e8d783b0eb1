/**
 * The programme's activities (plan 135/KH-UBND §III): what kinds there are
 * and what each is called in both languages. A report counts activities of
 * a kind; which KPI counts which kind is reports/kpi-definitions.ts.
 */

export const ACTIVITY_KINDS = [
  'awareness_class',
  'ecosystem_training',
  'founder_course',
  'local_connection_event',
  'regional_event',
  'student_contest',
  'themed_competition',
  'fundraising_practice',
  'showcase_point',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Names in Vietnamese (the plan's words) and English. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, { vi: string; en: string }> = {
  awareness_class: { vi: 'Lớp đào tạo cơ bản về nhận thức khởi nghiệp', en: 'Basic startup awareness class' },
  ecosystem_training: { vi: 'Khóa huấn luyện cho hệ sinh thái', en: 'Ecosystem training' },
  founder_course: { vi: 'Khóa huấn luyện cho nhà khởi nghiệp', en: 'Founder course' },
  local_connection_event: { vi: 'Sự kiện kết nối quy mô địa phương', en: 'Local connection event' },
  regional_event: { vi: 'Sự kiện quy mô vùng Đồng bằng sông Cửu Long', en: 'Regional (Mekong Delta) event' },
  student_contest: { vi: 'Cuộc thi học sinh, sinh viên với ý tưởng khởi nghiệp', en: 'Student startup-idea contest' },
  themed_competition: { vi: 'Cuộc thi khởi nghiệp theo chủ đề năm', en: 'Yearly themed startup competition' },
  fundraising_practice: { vi: 'Chương trình trải nghiệm gọi vốn', en: 'Fundraising-practice programme' },
  showcase_point: { vi: 'Điểm trưng bày sản phẩm khởi nghiệp', en: 'Startup showcase point' },
};
