/**
 * What the requests module does after a request changes: schedules the
 * expiry job of a new request, recomputes the mentor's answer time after an
 * answer, and tells the other side (the mentor of a new request, the
 * startup's team of an answer), each notice once.
 */
import mongoose from 'mongoose';
import type { EventBus } from '../../core/events/event-bus.js';
import { mentorsRepository } from '../mentors/mentors.repository.js';
import { notify } from '../notifications/usecases/notify.js';
import { startupsRepository } from '../startups/startups.repository.js';
import { requestsRepository } from './requests.repository.js';
import { refreshResponseStats } from './response-stats.js';

export interface RequestsListenerPorts {
  /** Queues the expiry of a request at its `expiresAt` (the job worker). */
  scheduleExpiry(requestId: string, at: Date): Promise<void>;
}

async function startupTeam(startupId: string): Promise<{ name: string; memberIds: string[] } | undefined> {
  const startup = await startupsRepository.findById(startupId);
  return startup && { name: startup.name, memberIds: startup.members.map((m) => m.userId.toHexString()) };
}

export function registerRequestsListeners(bus: EventBus, ports: RequestsListenerPorts): void {
  bus.on('request.created', async (event) => {
    const request = await requestsRepository.findById(event.requestId);
    if (!request) return;
    await ports.scheduleExpiry(event.requestId, request.expiresAt);
    const team = await startupTeam(event.startupId);
    const days = Math.round((request.expiresAt.getTime() - request.requestedAt.getTime()) / 86_400_000);
    await notify({
      key: `request.created:${event.requestId}`,
      kind: 'request.created',
      userIds: [event.mentorUserId],
      title: { vi: 'Yêu cầu cố vấn mới', en: 'New mentoring request' },
      body: {
        vi: `${team?.name ?? 'Một dự án'} mời bạn làm cố vấn. Vui lòng trả lời trong ${days} ngày.`,
        en: `${team?.name ?? 'A startup'} asks you to mentor them. Please answer within ${days} days.`,
      },
      data: { requestId: event.requestId, startupId: event.startupId },
    }, bus);
  });

  // An answer is committed before this runs; the stat follows it (and a failure here never fails the answer).
  const answered = async (event: { mentorId: string }) => refreshResponseStats(new mongoose.Types.ObjectId(event.mentorId));
  bus.on('request.accepted', answered);
  bus.on('request.declined', answered);

  bus.on('request.accepted', async (event) => {
    const [team, mentor] = await Promise.all([startupTeam(event.startupId), mentorsRepository.findById(event.mentorId)]);
    await notify({
      key: `request.accepted:${event.requestId}`,
      kind: 'request.accepted',
      userIds: team?.memberIds ?? [],
      title: { vi: 'Cố vấn đã nhận lời', en: 'Your mentor said yes' },
      body: { vi: `${mentor?.name ?? 'Cố vấn'} đã nhận hướng dẫn dự án.`, en: `${mentor?.name ?? 'The mentor'} agreed to mentor your startup.` },
      data: { requestId: event.requestId, mentorId: event.mentorId, mentorshipId: event.mentorshipId },
    }, bus);
  });

  bus.on('request.declined', async (event) => {
    const [team, mentor] = await Promise.all([startupTeam(event.startupId), mentorsRepository.findById(event.mentorId)]);
    await notify({
      key: `request.declined:${event.requestId}`,
      kind: 'request.declined',
      userIds: team?.memberIds ?? [],
      title: { vi: 'Cố vấn đã từ chối', en: 'Your mentor declined' },
      body: {
        vi: `${mentor?.name ?? 'Cố vấn'} chưa thể nhận lời: “${event.reason}”. Hãy xem các gợi ý cố vấn khác.`,
        en: `${mentor?.name ?? 'The mentor'} cannot take this on: “${event.reason}”. See your other suggested mentors.`,
      },
      data: { requestId: event.requestId, mentorId: event.mentorId },
    }, bus);
  });
}
