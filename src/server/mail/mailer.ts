import nodemailer from 'nodemailer';
import type { Queryable } from '../db/db';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
}

/**
 * Mail always goes through the outbox table first (inside the caller's transaction, so a rolled-back
 * action sends nothing); with SMTP configured, flush() delivers what is waiting.
 */
export interface Mailer {
  enqueue(q: Queryable, mail: OutgoingMail): Promise<void>;
  flush(q: Queryable): Promise<number>;
}

export function createMailer(smtp: { url: string; from: string } | undefined): Mailer {
  const transport = smtp ? nodemailer.createTransport(smtp.url) : undefined;
  return {
    async enqueue(q, mail) {
      await q.query('INSERT INTO outbox (to_address, subject, body) VALUES ($1, $2, $3)', [mail.to, mail.subject, mail.body]);
    },
    async flush(q) {
      if (!transport || !smtp) return 0;
      const waiting = await q.query<{ id: string; to_address: string; subject: string; body: string }>(
        'SELECT id, to_address, subject, body FROM outbox WHERE sent_at IS NULL ORDER BY created_at LIMIT 50',
      );
      let sent = 0;
      for (const m of waiting) {
        try {
          await transport.sendMail({ from: smtp.from, to: m.to_address, subject: m.subject, text: m.body });
          await q.query('UPDATE outbox SET sent_at = now(), error = NULL WHERE id = $1', [m.id]);
          sent++;
        } catch (err) {
          await q.query('UPDATE outbox SET error = $2 WHERE id = $1', [m.id, String((err as Error).message).slice(0, 500)]);
        }
      }
      return sent;
    },
  };
}
