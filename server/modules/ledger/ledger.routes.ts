import type { AppContext } from '../../core/app-context.js';
import { mapPage } from '../../core/db/pages.js';
import { defineRoute, type RouteSpec } from '../../core/http/route.js';
import { CreateActivityDto, UpdateActivityDto } from './dto/activity-fields.dto.js';
import { ImportAttendanceDto, ListActivitiesQuery } from './dto/activity-queries.dto.js';
import { ListCertificationsQuery, RecordCertificationDto } from './dto/certification.dto.js';
import { ListTargetsQuery, SetTargetDto } from './dto/target.dto.js';
import {
  ActivityPageView,
  ActivityView,
  AttendanceImportView,
  CertificationPageView,
  CertificationView,
  presentActivity,
  presentActivitySummary,
  presentCertification,
  presentTarget,
  TargetListView,
  TargetView,
} from './ledger.presenter.js';
import { createActivity } from './usecases/create-activity.js';
import { deleteActivity } from './usecases/delete-activity.js';
import { getActivity } from './usecases/get-activity.js';
import { importAttendance } from './usecases/import-attendance.js';
import { listActivities } from './usecases/list-activities.js';
import { listCertifications } from './usecases/list-certifications.js';
import { deleteCertification, recordCertification } from './usecases/record-certification.js';
import { listTargets, setTarget } from './usecases/targets.js';
import { updateActivity } from './usecases/update-activity.js';

const STAFF = ['manager', 'admin'] as const;
const tags = ['ledger'];

const activityLinks = {
  GetActivity: { to: 'get /api/v1/activities/:id', parameters: { id: '$response.body#/id' } },
  ImportAttendance: { to: 'post /api/v1/activities/:id/attendance/import', parameters: { id: '$response.body#/id' } },
};

const activityExample = {
  title: 'Lớp nhận thức khởi nghiệp đổi mới sáng tạo — Đại học Cần Thơ',
  kind: 'awareness_class',
  startsOn: '2025-03-15',
  endsOn: '2025-03-15',
  organisers: ['Sở Khoa học và Công nghệ thành phố Cần Thơ', 'Trường Đại học Cần Thơ'],
  place: 'Hội trường Rùa, Đại học Cần Thơ, Ninh Kiều',
  attendance: [{ name: 'Nguyễn Thị Lan', email: 'lan.nguyen@example.vn', organisation: 'Trường Đại học Cần Thơ' }],
};

/** The programme's ledger (SPEC §8): activities with attendance, certifications, the plan's targets. */
export function ledgerRoutes(ctx: AppContext): RouteSpec[] {
  return [
    defineRoute<CreateActivityDto>({
      method: 'post',
      path: '/api/v1/activities',
      summary: 'Record an activity (training, event, competition, fundraising practice, showcase point) with its attendance (managers, admins)',
      tags,
      auth: STAFF,
      body: CreateActivityDto,
      example: activityExample,
      responses: {
        201: { description: 'Recorded', schema: ActivityView, links: activityLinks },
        422: { description: 'endsOn before startsOn (`rule_violated`), or an attendee names no startup (`unknown_startup`)' },
      },
      handler: async ({ user, body }) => ({ status: 201, body: presentActivity(await createActivity(user, body)) }),
    }),
    defineRoute<undefined, ListActivitiesQuery>({
      method: 'get',
      path: '/api/v1/activities',
      summary: 'List activities by kind, year or dates, attendee startup, text (managers, admins)',
      tags,
      auth: STAFF,
      query: ListActivitiesQuery,
      responses: { 200: { description: 'One page, attendance counted', schema: ActivityPageView } },
      handler: async ({ user, query }) => ({ body: mapPage(await listActivities(user, query), presentActivitySummary) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/activities/:id',
      summary: 'One activity with its attendance (managers, admins)',
      tags,
      auth: STAFF,
      responses: { 200: { description: 'The activity', schema: ActivityView } },
      handler: async ({ user, params }) => ({ body: presentActivity(await getActivity(user, params.id!)) }),
    }),
    defineRoute<UpdateActivityDto>({
      method: 'patch',
      path: '/api/v1/activities/:id',
      summary: 'Change an activity; an attendance list given replaces the old one (managers, admins)',
      tags,
      auth: STAFF,
      body: UpdateActivityDto,
      example: { place: 'Trung tâm Hỗ trợ khởi nghiệp sáng tạo, Ninh Kiều' },
      responses: {
        200: { description: 'Changed', schema: ActivityView },
        409: { description: 'Changed by someone else meanwhile (`concurrent_change`)' },
        422: { description: 'endsOn before startsOn, or an attendee names no startup' },
      },
      handler: async ({ user, params, body }) => ({ body: presentActivity(await updateActivity(user, params.id!, body)) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/activities/:id',
      summary: 'Remove an activity recorded by mistake (managers, admins)',
      tags,
      auth: STAFF,
      responses: { 204: { description: 'Removed' } },
      handler: async ({ user, params }) => {
        await deleteActivity(user, params.id!);
        return { status: 204 };
      },
    }),
    defineRoute<ImportAttendanceDto>({
      method: 'post',
      path: '/api/v1/activities/:id/attendance/import',
      summary:
        'Import attendance from CSV text (`name`, `email`, `startupId`, `organisation`; header row first): all rows or none; every bad row named by line and column as `csv.<line>.<column>` (managers, admins)',
      tags,
      auth: STAFF,
      body: ImportAttendanceDto,
      example: { csv: 'name,email,startupId,organisation\nNguyễn Thị Lan,lan.nguyen@example.vn,,Trường Đại học Cần Thơ\n', mode: 'append' },
      responses: {
        200: { description: 'Imported', schema: AttendanceImportView },
        409: { description: 'The activity changed meanwhile (`concurrent_change`)' },
        422: { description: 'The CSV has bad rows, each named `csv.<line>.<column>` (`invalid_csv`), a row names a startup that does not exist (`unknown_startup`), or the list would pass 5,000 (`too_many_attendees`)' },
      },
      handler: async ({ user, params, body }) => {
        const imported = await importAttendance(user, params.id!, body);
        return { body: { ...imported, activity: presentActivity(imported.activity) } };
      },
    }),

    defineRoute<RecordCertificationDto>({
      method: 'post',
      path: '/api/v1/certifications',
      summary: 'Record a startup’s S&T enterprise certificate (one per startup; shown on its profile as `stEnterprise`) or another recognition (managers, admins)',
      tags,
      auth: STAFF,
      body: RecordCertificationDto,
      example: { startupId: '6b0a9f84a568e2f4adc520c3', kind: 'st_enterprise', number: '15/DNKHCN-CT', issuer: 'Sở Khoa học và Công nghệ thành phố Cần Thơ', issuedOn: '2024-05-20' },
      responses: {
        201: { description: 'Recorded', schema: CertificationView },
        409: { description: 'The startup already has an S&T certificate (`already_certified`), or it changed meanwhile' },
        422: { description: 'No such startup, not a company, a date in the future or before registration, a missing number or title' },
      },
      handler: async ({ user, body }) => ({ status: 201, body: presentCertification(await recordCertification(user, body, ctx)) }),
    }),
    defineRoute<undefined, ListCertificationsQuery>({
      method: 'get',
      path: '/api/v1/certifications',
      summary: 'List certifications by startup, kind, year (staff: all; founders: their startups’)',
      tags,
      auth: 'authenticated',
      query: ListCertificationsQuery,
      responses: { 200: { description: 'One page', schema: CertificationPageView }, 403: { description: 'Mentors do not list certifications' } },
      handler: async ({ user, query }) => ({ body: mapPage(await listCertifications(user, query), presentCertification) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/certifications/:id',
      summary: 'Remove a certification recorded by mistake; an S&T one leaves the profile too (managers, admins)',
      tags,
      auth: STAFF,
      responses: { 204: { description: 'Removed' }, 409: { description: 'The startup kept changing meanwhile' } },
      handler: async ({ user, params }) => {
        await deleteCertification(user, params.id!);
        return { status: 204 };
      },
    }),

    defineRoute<undefined, ListTargetsQuery>({
      method: 'get',
      path: '/api/v1/reports/targets',
      summary: 'The plan’s targets per year and KPI, each with its history of changes (managers, admins)',
      tags: ['reports'],
      auth: STAFF,
      query: ListTargetsQuery,
      responses: { 200: { description: 'By year, then KPI', schema: TargetListView } },
      handler: async ({ user, query }) => ({ body: { items: (await listTargets(user, query)).map(presentTarget) } }),
    }),
    defineRoute<SetTargetDto>({
      method: 'put',
      path: '/api/v1/reports/targets',
      summary: 'Set one KPI’s target for a year (created when the year has none); the change is kept with who and when (admins)',
      tags: ['reports'],
      auth: ['admin'],
      body: SetTargetDto,
      example: { year: 2026, kpi: 'ideas_supported', value: 12, note: 'Kế hoạch năm 2026' },
      responses: { 200: { description: 'The target with its history', schema: TargetView } },
      handler: async ({ user, body }) => ({ body: presentTarget(await setTarget(user, body, ctx)) }),
    }),
  ];
}
