import nodemailer from 'nodemailer';

/** Limits so a mail server that hangs fails the attempt instead of holding the job runner. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** A file sent with an e-mail (e.g. an analytics report's workbook). */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType?: string;
}

/**
 * Sends one plain-text e-mail, with files attached when given, through the SMTP server of `url`
 * (smtp:// upgrades with STARTTLS when the server offers it, smtps:// is TLS from the start).
 * Throws what the server answered.
 */
export async function sendMail(
  smtp: { url: string; from: string },
  mail: {
    to: string;
    subject: string;
    text: string;
    messageId?: string;
    attachments?: MailAttachment[];
  },
): Promise<void> {
  const transport = nodemailer.createTransport({ url: smtp.url, ...TIMEOUTS });
  try {
    await transport.sendMail({
      from: smtp.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
    });
  } finally {
    transport.close();
  }
}
