import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { graphql } from '../../test/gql/index.js';

/** Just enough of an SMTP server to receive mail: greets, accepts every command, collects DATA. */
function startSmtpServer(): Promise<{ server: Server; port: number; messages: string[] }> {
  const messages: string[] = [];
  const server = createServer((socket) => {
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) return;
        const command = buffer.slice(0, lineEnd).toUpperCase();
        buffer = buffer.slice(lineEnd + 2);
        if (command.startsWith('EHLO')) socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (command.startsWith('DATA')) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (command.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as { port: number }).port, messages }),
    ),
  );
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Billing <billing@example.com>' },
  });
});
afterAll(async () => {
  await t.stop();
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
});

describe('MailService with SMTP_URL set', () => {
  it('sends through SMTP once per dedupe key and records what it sent', async () => {
    const user = await t.signUp();
    const mail = {
      organizationId: user.organizationId,
      to: [user.email],
      subject: 'Payment failed',
      body: 'Please update your card.',
      dedupeKey: 'dunning:in_1:1',
    };
    expect(await t.app.services.mail.send(mail)).toBe(true);
    expect(await t.app.services.mail.send(mail)).toBe(false);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toContain('Subject: Payment failed');
    expect(smtp.messages[0]).toContain(`To: ${user.email}`);
    const outbox = await t.graphql(
      graphql(`
        query MailServiceOutbox {
          outbox {
            subject
            transport
            sentAt
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(outbox.data?.outbox).toEqual([{ subject: 'Payment failed', transport: 'smtp', sentAt: expect.any(String) }]);
  });

  it('forgets a mail the SMTP server did not take, so a retry sends it', async () => {
    const user = await t.signUp();
    const mail = {
      organizationId: user.organizationId,
      to: [user.email],
      subject: 'Retry me',
      body: '…',
      dedupeKey: 'dunning:in_2:1',
    };
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await expect(t.app.services.mail.send(mail)).rejects.toThrow();
    expect(await t.sql('select 1 from mail_message where dedupe_key = ?', ['dunning:in_2:1'])).toHaveLength(0);
    await new Promise<void>((resolve) => smtp.server.listen(smtp.port, '127.0.0.1', resolve));
    expect(await t.app.services.mail.send(mail)).toBe(true);
  });

  it('shows the outbox to admins only', async () => {
    const user = await t.signUp();
    await t.sql(`update membership set role = 'MEMBER' where user_id = (select id from app_user where email = ?)`, [
      user.email,
    ]);
    const result = await t.graphql(
      graphql(`
        query MailServiceOutbox2 {
          outbox {
            subject
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
