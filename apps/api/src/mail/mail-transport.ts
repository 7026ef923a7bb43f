import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../config/app-config.js';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Hands one message on; resolves with where it went (a file path, or the SMTP server's id). */
export interface MailTransport {
  send(message: MailMessage): Promise<string>;
  close(): void;
}

/** SMTP when configured; else `.eml` files in `<dataDir>/mail`, so a person trying the service can read them. */
export function createMailTransport(config: MailConfig, dataDir: string): MailTransport {
  return config.smtpUrl === undefined ? new EmlFileTransport(join(dataDir, 'mail'), config.from) : new SmtpTransport(config.smtpUrl, config.from);
}

class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string, private readonly from: string) {
    // A server that does not answer must fail the attempt (and let it be retried), not hang it.
    this.transporter = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async send(message: MailMessage): Promise<string> {
    const info = await this.transporter.sendMail({ from: this.from, ...message });
    return `smtp ${String(info.messageId)}`;
  }

  close(): void {
    this.transporter.close();
  }
}

class EmlFileTransport implements MailTransport {
  private readonly builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  private count = 0;

  constructor(private readonly folder: string, private readonly from: string) {}

  async send(message: MailMessage): Promise<string> {
    const info = await this.builder.sendMail({ from: this.from, ...message });
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    this.count += 1;
    const file = join(this.folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${this.count}.eml`);
    // Only its owner may read it: it holds a one-time password.
    writeFileSync(file, info.message as Buffer, { mode: 0o600, flag: 'wx' });
    return file;
  }

  close(): void {
    this.builder.close();
  }
}
