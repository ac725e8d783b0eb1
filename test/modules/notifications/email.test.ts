/**
 * Notices by email through a real SMTP server started here (smtp-server),
 * parsed as a mail client would (mailparser): each reader gets each notice
 * once, in their language, with times in their zone — even with two email
 * runs at once.
 */
import { expect } from 'chai';
import type { ParsedMail } from 'mailparser';
import mongoose from 'mongoose';
import { sendPendingEmails } from '../../../server/modules/notifications/usecases/send-emails.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';
import { noticesOnceThere, startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { PINNED_NOW } from '../cohorts/cohort-helpers.js';
import { activeMentor, matchingWorld, requestMentor, type MatchingWorld } from '../matching/matching-helpers.js';
import type { TestMentor } from '../mentors/mentor-helpers.js';

describe('notifications: email over SMTP', function () {
  this.timeout(60_000);
  let smtp: TestSmtp;
  let runway: TestRunway;
  let world: MatchingWorld;
  let mentor: TestMentor;

  before(async () => {
    smtp = await startTestSmtp();
    runway = await startTestRunway({ SMTP_URL: smtp.url, MAIL_FROM: 'Runway <no-reply@runway.test>' }, { now: () => PINNED_NOW });
    world = await matchingWorld(runway);
    mentor = await activeMentor(runway, world);
    // The founder reads English; the mentor keeps the default, Vietnamese.
    await mongoose.connection.db!.collection('users').updateOne({ _id: new mongoose.Types.ObjectId(world.founder.id) }, { $set: { locale: 'en' } });
  });
  after(async () => {
    await runway.stop();
    await smtp.close();
  });

  const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

  it('each notice once, to its reader, in their language with times in their zone', async () => {
    const requestId = await requestMentor(runway, world.founder.token, world.startupId, mentor.profile.id);
    expect((await runway.http('POST', `/api/v1/mentor-requests/${requestId}/accept`, { token: mentor.user.token })).status).to.equal(200);
    const slots = await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}/slots`, { token: world.founder.token });
    const body = { startupId: world.startupId, mentorId: mentor.profile.id, start: slots.body.items[0].start, mode: 'online', link: 'https://meet.example.vn/x', topic: 'Gọi vốn' };
    const booked = await runway.http('POST', '/api/v1/sessions', { token: world.founder.token, body });
    expect(booked.status, booked.text).to.equal(201);
    expect(await noticesOnceThere(runway, mentor.user.token, 'session.booked'), 'the booking told (by the worker’s sweep)').to.have.length(1);
    const cancelled = await runway.http('POST', `/api/v1/sessions/${booked.body.id}/cancel`, { token: mentor.user.token, body: { reason: 'Tôi ốm.' } });
    expect(cancelled.status).to.equal(200);

    // Two runs at once (as two workers would): every email goes out once.
    const deps = { mailer: runway.context.mailer, logger: runway.context.logger, now: () => PINNED_NOW };
    await Promise.all([sendPendingEmails(deps), sendPendingEmails(deps)]);
    const since = Date.now();
    const expected = 4; // to the mentor: new request, session booked; to the founder: request accepted, session cancelled
    while (smtp.received.length < expected && Date.now() - since < 10_000) await new Promise((r) => setTimeout(r, 50));

    const mentorEmail = mentor.user.record.email;
    const founderEmail = world.founder.record.email;
    expect(smtp.received.map(to).sort()).to.deep.equal([founderEmail, founderEmail, mentorEmail, mentorEmail].sort());
    const booking = smtp.received.find((m) => to(m) === mentorEmail && m.subject === 'Lịch gặp cố vấn mới');
    expect(booking?.text).to.match(/đã đặt lịch gặp bạn vào thứ Ba, 16\/06\/2026 lúc 08:00 \(giờ Việt Nam\)\./);
    expect(booking?.headers.get('content-language')).to.equal('vi');
    expect(booking?.from?.value[0]).to.deep.include({ name: 'Runway', address: 'no-reply@runway.test' });
    const cancel = smtp.received.find((m) => to(m) === founderEmail && m.subject === 'Session cancelled');
    expect(cancel?.text).to.match(/on Tuesday 16 June 2026, 08:00 \(Vietnam time\) was cancelled\. Reason: Tôi ốm\./);
    expect(cancel?.headers.get('content-language')).to.equal('en');

    // Again: nothing new to send.
    expect(await sendPendingEmails(deps)).to.deep.equal({ sent: 0, failed: 0, skipped: 0 });
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).to.have.length(expected);
  });
});
