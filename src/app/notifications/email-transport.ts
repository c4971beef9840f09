import nodemailer from 'nodemailer';

/** Limits so a mail server that hangs fails the attempt instead of holding the job runner. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * Sends one plain-text e-mail through the SMTP server of `url` (smtp:// upgrades with STARTTLS
 * when the server offers it, smtps:// is TLS from the start). Throws what the server answered.
 */
export async function sendMail(
  smtp: { url: string; from: string },
  mail: { to: string; subject: string; text: string; messageId?: string },
): Promise<void> {
  const transport = nodemailer.createTransport({ url: smtp.url, ...TIMEOUTS });
  try {
    await transport.sendMail({
      from: smtp.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
    });
  } finally {
    transport.close();
  }
}
