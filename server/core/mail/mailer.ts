/**
 * Email out, through nodemailer: an SMTP server when SMTP_URL is set;
 * otherwise each message is written as a JSON file to MAIL_DIR (development
 * and the demo need no mail server, and the messages can be read there), or
 * only logged when there is no MAIL_DIR either (tests).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** `vi` or `en`: the message's Content-Language. */
  language: string;
}

export interface Mailer {
  /** Where mail goes, for the start-up log (no password). */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailSettings {
  smtpUrl?: string;
  from: string;
  dir?: string;
}

export function createMailer(settings: MailSettings, logger: Logger): Mailer {
  const envelope = (message: MailMessage) => ({ from: settings.from, to: message.to, subject: message.subject, text: message.text, headers: { 'Content-Language': message.language } });
  if (settings.smtpUrl) {
    const url = new URL(settings.smtpUrl);
    // A mail server that stops answering must not hold a send past the job lock that covers it (JOBS_LOCK_LIFETIME_MS, 10 minutes by default):
    // give up after a minute, and the email is tried again.
    const transport = nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    return {
      description: `SMTP ${url.protocol}//${url.host}`,
      async send(message) {
        await transport.sendMail(envelope(message));
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const dir = settings.dir;
  return {
    description: dir ? `JSON files in ${path.resolve(dir)}` : 'the log only (no SMTP_URL, no MAIL_DIR)',
    async send(message) {
      const info = await transport.sendMail(envelope(message));
      if (!dir) {
        logger.debug({ to: message.to, subject: message.subject }, 'email (not sent: no SMTP_URL)');
        return;
      }
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.json`), String(info.message));
    },
    close: () => transport.close(),
  };
}
