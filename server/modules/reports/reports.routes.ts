import type { AppContext } from '../../core/app-context.js';
import { defineRoute, type RouteSpec } from '../../core/http/route.js';
import { KpiReportQuery, KpisQuery } from './dto/kpis.query.js';
import { kpiReportCsv, reportFileName } from './report-csv.js';
import { kpiReportHtml } from './report-html.js';
import { KpiReportView, presentKpiReport } from './reports.presenter.js';
import { getKpiReport } from './usecases/get-kpi-report.js';

const STAFF = ['manager', 'admin'] as const;
const tags = ['reports'];
const bad = { 422: { description: 'Neither year nor from and to, both, to before from, or more than 10 years (`rule_violated`; `errors` names the field)' } };

/** The yearly report and the reviews (SPEC §8): JSON with drill-down, CSV, a printable page. */
export function reportsRoutes(ctx: AppContext): RouteSpec[] {
  return [
    defineRoute<undefined, KpiReportQuery>({
      method: 'get',
      path: '/api/v1/reports/kpis',
      summary: 'Every KPI of the plan for a year (`year`) or a period (`from`, `to`): actual, target, status, and the records behind each figure (empty with `records=false`); the mentor network (managers, admins)',
      tags,
      auth: STAFF,
      query: KpiReportQuery,
      responses: { 200: { description: 'The report', schema: KpiReportView }, ...bad },
      handler: async ({ user, query }) => ({
        body: presentKpiReport(await getKpiReport(user, query, ctx), { records: query.records !== false }),
        headers: { 'Cache-Control': 'private, no-store' },
      }),
    }),
    defineRoute<undefined, KpisQuery>({
      method: 'get',
      path: '/api/v1/reports/kpis/csv',
      summary: 'The same report as CSV (UTF-8 with BOM): a row per figure, then its records (managers, admins)',
      tags,
      auth: STAFF,
      query: KpisQuery,
      responses: { 200: { description: 'CSV, columns in the first row', contentType: 'text/csv' }, ...bad },
      handler: async ({ user, query }) => {
        const report = await getKpiReport(user, query, ctx);
        return {
          text: kpiReportCsv(report),
          headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${reportFileName(report)}.csv"`, 'Cache-Control': 'private, no-store' },
        };
      },
    }),
    defineRoute<undefined, KpisQuery>({
      method: 'get',
      path: '/api/v1/reports/kpis/print',
      summary: 'The same report as a printable page (HTML with a print stylesheet; Vietnamese and English) (managers, admins)',
      tags,
      auth: STAFF,
      query: KpisQuery,
      responses: { 200: { description: 'An HTML page', contentType: 'text/html' }, ...bad },
      handler: async ({ user, query }) => ({
        text: kpiReportHtml(await getKpiReport(user, query, ctx)),
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
      }),
    }),
  ];
}
