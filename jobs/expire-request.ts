/**
 * A mentor request's time is up (SPEC §4): it expires, the startup's team
 * is told, and the next best mentor is offered. Scheduled for each request
 * at its `expiresAt` (requests.listeners.ts); a sweep every 15 minutes
 * catches any whose job was lost, and any expired request whose team was
 * not told (a run that failed after the expiry). Idempotent: the expiry is a
 * guarded move, each notice is keyed by the request, and the event goes out
 * only from the run that first records the telling — run twice, even at
 * once, it expires once and tells once.
 */
import { IsMongoId, IsOptional, IsString, MaxLength } from 'class-validator';
import { defineJob } from '../server/core/jobs/job-definition.js';
import type { UseCaseDeps } from '../server/core/use-case-deps.js';
import { nextBestMentor } from '../server/modules/matching/usecases/next-best-mentor.js';
import { mentorsRepository } from '../server/modules/mentors/mentors.repository.js';
import { notify } from '../server/modules/notifications/usecases/notify.js';
import { activeCohortsOfStartup } from '../server/modules/cohorts/usecases/active-cohorts-of-startup.js';
import { dueRequestIds, expireRequest, recordExpiryTold } from '../server/modules/requests/usecases/expire-request.js';
import { startupsRepository } from '../server/modules/startups/startups.repository.js';

export const EXPIRE_REQUEST_JOB = 'request.expire';

export class ExpireRequestPayload {
  @IsMongoId()
  requestId!: string;
}

/** What one run did: whether the request is expired now, and whether this run told the startup. */
export interface ExpiryOutcome {
  expired: boolean;
  told: boolean;
  nextMentorId: string | null;
}

export async function expireAndOffer(requestId: string, deps: UseCaseDeps): Promise<ExpiryOutcome> {
  const request = await expireRequest(requestId, deps);
  if (!request) return { expired: false, told: false, nextMentorId: null };
  if (request.expiryToldAt) return { expired: true, told: false, nextMentorId: null };
  const startupId = request.startupId.toHexString();
  const mentorId = request.mentorId.toHexString();
  const [startup, mentor, next] = await Promise.all([
    startupsRepository.findById(startupId),
    mentorsRepository.findById(mentorId),
    nextBestMentor(startupId, request.topics, mentorId),
  ]);
  const days = Math.round((request.expiresAt.getTime() - request.requestedAt.getTime()) / 86_400_000);
  const mentorName = mentor?.name ?? 'Cố vấn';
  await notify({
    key: `request.expired:${requestId}`,
    kind: 'request.expired',
    userIds: [...(startup?.members.map((m) => m.userId.toHexString()) ?? []), request.requestedBy.toHexString()],
    title: { vi: 'Yêu cầu cố vấn đã hết hạn', en: 'Your mentor request expired' },
    body: next
      ? {
          vi: `${mentorName} chưa trả lời trong ${days} ngày. Gợi ý tiếp theo cho bạn: ${next.name} (${String(next.score).replace('.', ',')} điểm).`,
          en: `${mentor?.name ?? 'The mentor'} did not answer within ${days} days. Your next best match: ${next.name} (score ${next.score}).`,
        }
      : {
          vi: `${mentorName} chưa trả lời trong ${days} ngày. Hiện chưa có cố vấn phù hợp khác; hãy thử chủ đề khác.`,
          en: `${mentor?.name ?? 'The mentor'} did not answer within ${days} days. No other mentor fits right now; try other topics.`,
        },
    data: { requestId, startupId, mentorId, ...(next ? { nextMentorId: next.mentorId } : {}) },
  }, deps.bus);
  const told = await recordExpiryTold(request, deps);
  if (told) {
    await deps.bus.emit('request.expired', {
      requestId,
      startupId,
      mentorId,
      mentorUserId: request.mentorUserId.toHexString(),
      cohortIds: (await activeCohortsOfStartup(startupId)).map((c) => c.cohortId),
      nextMentorId: next?.mentorId ?? null,
    });
  }
  return { expired: true, told, nextMentorId: next?.mentorId ?? null };
}

export const expireRequestJob = defineJob({
  name: EXPIRE_REQUEST_JOB,
  payload: ExpireRequestPayload,
  concurrency: 4,
  handler: async ({ requestId }, deps) => {
    await expireAndOffer(requestId, deps);
  },
});

export class ExpireDueRequestsPayload {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  trigger?: string;
}

/** The backstop: every pending request past its time (its own job was lost), and every expired one whose team was not told. */
export const expireDueRequestsJob = defineJob({
  name: 'requests.expire-due',
  payload: ExpireDueRequestsPayload,
  schedule: { cron: '*/15 * * * *', timezone: 'Asia/Ho_Chi_Minh', payload: { trigger: 'schedule' } },
  handler: async (_payload, deps) => {
    for (const id of await dueRequestIds(deps.now())) await expireAndOffer(id, deps);
  },
});
