/**
 * The email of each new notification, in its reader's language (their
 * `locale`): the notice's title as the subject, its text as the body, which
 * already gives times in the reader's zone. Run by the email job; each email
 * is claimed by one guarded update first, so two workers never send the
 * same one, and a failed send is tried again up to `MAX_ATTEMPTS` times.
 *
 * A claim lasts as long as the job lock of the run that took it
 * (JOBS_LOCK_LIFETIME_MS). A worker killed mid-send leaves its email
 * `sending`; once that lock lapses, Agenda gives the job to another worker,
 * whose run finds the claim lapsed too and sends the email (decision 013).
 * So an email goes once, unless its worker dies between the server's
 * acceptance and the write that records it: then it goes twice.
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
/** A claim's life when the run has no job lock (a direct call): Agenda's default lock lifetime. */
const UNLOCKED_CLAIM_MS = 10 * 60_000;
const BATCH = 200;

type SendDeps = { mailer: Mailer; logger: Logger; now(): Date; lockedUntil?: Date };

/**
 * Sends what is pending. Claims are timed by the machine's clock, like
 * Agenda's locks, not by `now()` (the app's clock, which tests pin).
 */
export async function sendPendingEmails(deps: SendDeps): Promise<EmailRun> {
  const run: EmailRun = { sent: 0, failed: 0, skipped: 0 };
  const startedAt = Date.now();
  const claimUntil = deps.lockedUntil ?? new Date(startedAt + UNLOCKED_CLAIM_MS);
  // Stop claiming with half the lock left, so the last send ends before its claim lapses.
  const stopClaimingAt = Math.min(startedAt + RUN_BUDGET_MS, startedAt + (claimUntil.getTime() - startedAt) / 2);
  for (;;) {
    const batch = await notificationsRepository.pendingEmails(BATCH, new Date());
    const finished = await sendBatch(batch, deps, run, claimUntil, stopClaimingAt);
    if (!finished || batch.length < BATCH || Date.now() > stopClaimingAt) return run;
  }
}

/** Sends one batch; false when it stopped early, out of time. */
async function sendBatch(batch: Awaited<ReturnType<typeof notificationsRepository.pendingEmails>>, deps: SendDeps, run: EmailRun, claimUntil: Date, stopClaimingAt: number): Promise<boolean> {
  for (const pending of batch) {
    if (Date.now() > stopClaimingAt) return false;
    const notice = await notificationsRepository.claimEmail(pending._id, new Date(), claimUntil);
    if (!notice) continue; // another worker has it
    const attempt = notice.emailAttempts ?? 1;
    if (attempt > MAX_ATTEMPTS) {
      // Its worker died mid-send on every try: give up rather than die again.
      await notificationsRepository.settleEmail(notice._id, attempt, 'failed', deps.now());
      run.failed++;
      continue;
    }
    const user = await usersRepository.findById(notice.userId.toHexString());
    if (!user || user.status !== 'active') {
      await notificationsRepository.settleEmail(notice._id, attempt, 'skipped', deps.now());
      run.skipped++;
      continue;
    }
    const language = user.locale === 'en' ? 'en' : 'vi';
    const footer = language === 'vi' ? '— Runway, chương trình hỗ trợ khởi nghiệp Cần Thơ' : '— Runway, the Can Tho startup programme';
    try {
      await deps.mailer.send({ to: user.email, subject: notice.title[language], text: `${notice.body[language]}\n\n${footer}\n`, language });
      await notificationsRepository.settleEmail(notice._id, attempt, 'sent', deps.now());
      run.sent++;
    } catch (error) {
      const again = attempt < MAX_ATTEMPTS;
      await notificationsRepository.settleEmail(notice._id, attempt, again ? 'pending' : 'failed', deps.now());
      deps.logger.warn({ err: error, notificationId: notice._id.toHexString(), again }, 'email not sent');
      run.failed++;
    }
  }
  return true;
}
