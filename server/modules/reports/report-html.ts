/**
 * The printable KPI report: one self-contained HTML page (inline styles,
 * no scripts) with a print stylesheet, labels in Vietnamese and English,
 * dates as Can Tho writes them (dd/mm/yyyy) and times in Asia/Ho_Chi_Minh.
 * Every figure is followed by the records behind it.
 */
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../core/time/calendar-date.js';
import { STATUS_LABELS } from './kpi-definitions.js';
import type { KpiRecord, KpiReport } from './kpi-report.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const number = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));
const both = (label: { vi: string; en: string }) => `${escape(label.vi)}<br><span class="en">${escape(label.en)}</span>`;

const RECORD_KIND_LABELS: Record<KpiRecord['kind'], string> = {
  startup: 'Dự án / Startup',
  activity: 'Hoạt động / Activity',
  certification: 'Chứng nhận / Certificate',
  session: 'Buổi tư vấn / Session',
  mentor: 'Cố vấn / Mentor',
  request: 'Yêu cầu / Request',
};

const STYLE = `
  body { font: 14px/1.45 "Noto Sans", "Segoe UI", Arial, sans-serif; color: #1b1f23; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; } h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
  .en { color: #57606a; font-size: .9em; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
  th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .met { color: #116329; font-weight: 600; } .on_track { color: #0550ae; font-weight: 600; } .behind { color: #a40e26; font-weight: 600; } .no_target { color: #57606a; }
  .meta { color: #57606a; } .records { font-size: .9em; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    @page { size: A4; margin: 15mm; }
    h2 { break-before: page; } h2.first { break-before: auto; }
    table { page-break-inside: auto; } tr { break-inside: avoid; } thead { display: table-header-group; }
    a { color: inherit; text-decoration: none; }
  }
`;

function recordsTable(records: readonly (KpiRecord & { reason?: string })[]): string {
  if (records.length === 0) return '<p class="meta">Không có bản ghi / No records</p>';
  const rows = records
    .map(
      (r, i) =>
        `<tr><td class="n">${i + 1}</td><td>${RECORD_KIND_LABELS[r.kind]}</td><td>${escape(r.name)}${r.reason ? ` <span class="meta">(${escape(r.reason)})</span>` : ''}</td><td>${vnDate(r.date)}</td><td class="n">${number(r.value)}</td><td><code>${r.id}</code></td></tr>`,
    )
    .join('');
  return `<table class="records"><thead><tr><th>#</th><th>Loại<br><span class="en">Kind</span></th><th>Tên<br><span class="en">Name</span></th><th>Ngày<br><span class="en">Date</span></th><th>Giá trị<br><span class="en">Value</span></th><th>Mã<br><span class="en">Id</span></th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function kpiReportHtml(report: KpiReport): string {
  const { period } = report;
  const title = period.year ? `Báo cáo chỉ tiêu năm ${period.year}` : `Báo cáo chỉ tiêu ${vnDate(period.from)} – ${vnDate(period.to)}`;
  const titleEn = period.year ? `KPI report ${period.year}` : `KPI report ${period.from} to ${period.to}`;
  const generated = DateTime.fromJSDate(report.generatedAt, { zone: VIETNAM_ZONE }).toFormat('HH:mm dd/MM/yyyy');
  const summary = report.kpis
    .map(
      (k) =>
        `<tr><td>${both(k.label)}</td><td class="n">${k.actual}</td><td class="n">${number(k.target)}</td><td class="n">${number(k.expectedByNow)}</td><td class="${k.status}">${both(STATUS_LABELS[k.status])}</td></tr>`,
    )
    .join('');
  const network = report.mentorNetwork.map((f) => `<tr><td>${both(f.label)}</td><td class="n">${number(f.value)}</td></tr>`).join('');
  const details = [
    ...report.kpis.map((k) => `<h3>${escape(k.label.vi)} <span class="en">/ ${escape(k.label.en)}</span> — ${k.actual}</h3>${recordsTable(k.records)}${k.excluded.length ? `<p class="meta">Không tính / Not counted:</p>${recordsTable(k.excluded)}` : ''}`),
    ...report.mentorNetwork.filter((f) => f.records.length > 0).map((f) => `<h3>${escape(f.label.vi)} <span class="en">/ ${escape(f.label.en)}</span> — ${number(f.value)}</h3>${recordsTable(f.records)}`),
  ].join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — Runway</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p class="en">${escape(titleEn)}</p>
<p class="meta">Kế hoạch 135/KH-UBND — Hỗ trợ phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo thành phố Cần Thơ<br>
Kỳ báo cáo / Period: ${vnDate(period.from)} – ${vnDate(period.to)}${period.complete ? '' : ` (đang diễn ra / running, ${Math.round(period.elapsedShare * 100)}%)`}<br>
Lập lúc / Generated: ${generated} (giờ Việt Nam, GMT+7)</p>
<h2 class="first">Chỉ tiêu <span class="en">/ Targets</span></h2>
<table><thead><tr><th>Chỉ tiêu<br><span class="en">KPI</span></th><th>Thực hiện<br><span class="en">Actual</span></th><th>Chỉ tiêu<br><span class="en">Target</span></th><th>Cần đạt đến nay<br><span class="en">Expected by now</span></th><th>Đánh giá<br><span class="en">Status</span></th></tr></thead><tbody>${summary}</tbody></table>
<h3>Mạng lưới cố vấn <span class="en">/ Mentor network</span></h3>
<table><tbody>${network}</tbody></table>
<h2>Bản ghi chi tiết <span class="en">/ Records behind each figure</span></h2>
${details}
</body>
</html>
`;
}
