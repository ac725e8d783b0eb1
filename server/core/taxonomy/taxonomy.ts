/**
 * The seed taxonomies of SPEC §9, bilingual. Codes are stored; labels are
 * shown and folded into search text (so "nong nghiep" finds agriculture).
 */
export interface Label {
  vi: string;
  en: string;
}

export const SECTORS = {
  agriculture: { vi: 'Nông nghiệp', en: 'Agriculture' },
  tourism: { vi: 'Du lịch', en: 'Tourism' },
  information_technology: { vi: 'Công nghệ thông tin', en: 'Information technology' },
  local_resources: { vi: 'Tài nguyên địa phương', en: 'Local resources' },
  food_processing: { vi: 'Chế biến thực phẩm', en: 'Food processing' },
  education: { vi: 'Giáo dục', en: 'Education' },
  health: { vi: 'Y tế', en: 'Health' },
  environment: { vi: 'Môi trường', en: 'Environment' },
  logistics: { vi: 'Logistics', en: 'Logistics' },
  creative_industries: { vi: 'Công nghiệp sáng tạo', en: 'Creative industries' },
  fintech: { vi: 'Công nghệ tài chính', en: 'Fintech' },
  manufacturing: { vi: 'Sản xuất', en: 'Manufacturing' },
} as const satisfies Record<string, Label>;

export const TOPICS = {
  business_model: { vi: 'Mô hình kinh doanh', en: 'Business model' },
  market_research: { vi: 'Nghiên cứu thị trường', en: 'Market research' },
  marketing: { vi: 'Tiếp thị', en: 'Marketing' },
  sales: { vi: 'Bán hàng', en: 'Sales' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  technology: { vi: 'Công nghệ', en: 'Technology' },
  intellectual_property: { vi: 'Sở hữu trí tuệ', en: 'Intellectual property' },
  legal: { vi: 'Pháp lý', en: 'Legal' },
  finance: { vi: 'Tài chính', en: 'Finance' },
  fundraising: { vi: 'Gọi vốn', en: 'Fundraising' },
  pitching: { vi: 'Thuyết trình gọi vốn', en: 'Pitching' },
  export: { vi: 'Xuất khẩu', en: 'Export' },
  digital_transformation: { vi: 'Chuyển đổi số', en: 'Digital transformation' },
  operations: { vi: 'Vận hành', en: 'Operations' },
  team: { vi: 'Đội ngũ', en: 'Team' },
} as const satisfies Record<string, Label>;

export const STAGES = {
  idea: { vi: 'Ý tưởng', en: 'Idea' },
  prototype: { vi: 'Nguyên mẫu', en: 'Prototype' },
  mvp: { vi: 'Sản phẩm khả dụng tối thiểu', en: 'MVP' },
  early_revenue: { vi: 'Có doanh thu ban đầu', en: 'Early revenue' },
  growth: { vi: 'Tăng trưởng', en: 'Growth' },
} as const satisfies Record<string, Label>;

export const GROWTH_BASES = {
  intellectual_property: { vi: 'Tài sản trí tuệ', en: 'Intellectual property' },
  technology: { vi: 'Công nghệ', en: 'Technology' },
  business_model: { vi: 'Mô hình kinh doanh mới', en: 'New business model' },
} as const satisfies Record<string, Label>;

export type Sector = keyof typeof SECTORS;
export type Topic = keyof typeof TOPICS;
export type Stage = keyof typeof STAGES;
export type GrowthBasis = keyof typeof GROWTH_BASES;

export const SECTOR_CODES = Object.keys(SECTORS) as Sector[];
export const TOPIC_CODES = Object.keys(TOPICS) as Topic[];
export const STAGE_CODES = Object.keys(STAGES) as Stage[];
export const GROWTH_BASIS_CODES = Object.keys(GROWTH_BASES) as GrowthBasis[];

/** Both labels of each code, for search text. */
export function labelsOf<T extends Record<string, Label>>(table: T, codes: readonly string[]): string[] {
  return codes.flatMap((code) => {
    const label = (table as Record<string, Label>)[code];
    return label ? [label.vi, label.en] : [];
  });
}
