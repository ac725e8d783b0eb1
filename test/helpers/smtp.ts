/** A real SMTP server for tests (smtp-server), keeping every message it receives, parsed as a mail client would (mailparser). */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Messages accepted: the server answered 250 to their data. */
  received: ParsedMail[];
  /** Messages `hold` kept: read to the end, never answered, so their sender is still waiting mid-send. */
  held: ParsedMail[];
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Picks a message to hold instead of accepting it, as a stalled server would; `index` counts every message, from 0. */
  hold?: (mail: ParsedMail, index: number) => boolean;
}

export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const held: ParsedMail[] = [];
  const unanswered: Array<(error: Error) => void> = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      const index = count++;
      simpleParser(stream).then((mail) => {
        if (options.hold?.(mail, index)) {
          held.push(mail);
          unanswered.push(done);
          return;
        }
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    held,
    close: () => {
      // A sender still waiting is refused, so its connection does not hold the close open.
      for (const done of unanswered.splice(0)) done(new Error('test SMTP server closing'));
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
