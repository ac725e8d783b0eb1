/**
 * The email of each new notification, in its reader's language (their
 * `locale`): the notice's title as the subject, its text as the body, which
 * already gives times in the reader's zone. Run by the email job; each email
 * is claimed by one guarded update first, so two workers never send the
 * same one, and a failed send is tried again up to `MAX_ATTEMPTS` times. A
 * worker that dies mid-send leaves that email `sending`: it is not sent
 * twice (at most once, by design).
 */
import type { Logger } from 'pino';
import type { Mailer } from '../../../core/mail/mailer.js';
import { usersRepository } from '../../users/users.repository.js';
import { notificationsRepository } from '../notifications.repository.js';

const MAX_ATTEMPTS = 3;

export interface EmailRun {
  sent: number;
  failed: number;
  skipped: number;
}

/** How long one run keeps sending before it leaves the rest to the next (runs are a minute apart). */
const RUN_BUDGET_MS = 45_000;
const BATCH = 200;

export async function sendPendingEmails(deps: { mailer: Mailer; logger: Logger; now(): Date }): Promise<EmailRun> {
  const run: EmailRun = { sent: 0, failed: 0, skipped: 0 };
  const startedAt = Date.now();
  for (;;) {
    const batch = await notificationsRepository.pendingEmails(BATCH);
    await sendBatch(batch, deps, run);
    if (batch.length < BATCH || Date.now() - startedAt > RUN_BUDGET_MS) return run;
  }
}

async function sendBatch(batch: Awaited<ReturnType<typeof notificationsRepository.pendingEmails>>, deps: { mailer: Mailer; logger: Logger; now(): Date }, run: EmailRun): Promise<void> {
  for (const pending of batch) {
    const notice = await notificationsRepository.claimEmail(pending._id);
    if (!notice) continue; // another worker has it
    const user = await usersRepository.findById(notice.userId.toHexString());
    if (!user || user.status !== 'active') {
      await notificationsRepository.settleEmail(notice._id, 'skipped', deps.now());
      run.skipped++;
      continue;
    }
    const language = user.locale === 'en' ? 'en' : 'vi';
    const footer = language === 'vi' ? '— Runway, chương trình hỗ trợ khởi nghiệp Cần Thơ' : '— Runway, the Can Tho startup programme';
    try {
      await deps.mailer.send({ to: user.email, subject: notice.title[language], text: `${notice.body[language]}\n\n${footer}\n`, language });
      await notificationsRepository.settleEmail(notice._id, 'sent', deps.now());
      run.sent++;
    } catch (error) {
      const again = (notice.emailAttempts ?? 1) < MAX_ATTEMPTS;
      await notificationsRepository.settleEmail(notice._id, again ? 'pending' : 'failed', deps.now());
      deps.logger.warn({ err: error, notificationId: notice._id.toHexString(), again }, 'email not sent');
      run.failed++;
    }
  }
}
