// The team walk (issue 11 item 8): an owner invites a member by email, the invitee signs up from the mail's
// link in a fresh browser, lands in the owner's organization as a member without billing actions, is made
// an admin, then removed, and their next navigation finds them signed out.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '@aa/api/testing';
import { launchBrowser, openSession, PASSWORD, screenshot, signUpInBrowser, type BrowserSession } from './browser.js';

let api: TestApp;
let browser: Browser;
let owner: BrowserSession;
let invitee: BrowserSession;
let page: Page;
let memberPage: Page;

const STAMP = Date.now();
const ORGANIZATION = `Team Walk ${STAMP}`;
const OWNER_EMAIL = `team-owner-${STAMP}@example.com`;
const MEMBER_EMAIL = `team-member-${STAMP}@example.com`;

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestApp({ env: { WEB_DIST_DIR: inject('webDistDir') } }), launchBrowser()]);
  owner = await openSession(browser, api.url, api.app.config.server.publicUrl);
  invitee = await openSession(browser, api.url, api.app.config.server.publicUrl);
  page = owner.page;
  memberPage = invitee.page;
});

afterAll(async () => {
  await invitee?.close();
  await owner?.close();
  await browser?.close();
  await api?.stop();
});

/** The invitation link in the newest mail to `email` (the outbox: the test app has no SMTP_URL). */
async function invitationLink(email: string): Promise<string> {
  const mails = await api.sql<{ body: string }>(
    'select body from mail_message where recipients = ? order by created_at desc',
    [email],
  );
  const link = /https?:\/\/\S+\/invitations\/[\w-]+/.exec(mails[0]?.body ?? '')?.[0];
  if (!link) throw new Error(`no invitation mail to ${email}`);
  return link;
}

/** The member's role in this file's organization, as stored. */
async function storedRole(): Promise<string | null> {
  const [row] = await api.sql<{ role: string }>(
    `select m.role from membership m join app_user u on u.id = m.user_id join organization o on o.id = m.organization_id
      where u.email = ? and o.name = ?`,
    [MEMBER_EMAIL, ORGANIZATION],
  );
  return row?.role ?? null;
}

describe('team: invite, join from the mail, change the role, remove', { timeout: 180_000 }, () => {
  it('the owner invites a member by email from settings', async () => {
    await signUpInBrowser(page, ORGANIZATION, OWNER_EMAIL);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Settings' }).click();
    const invite = page.getByRole('form', { name: 'Invite a member' });
    await invite.getByLabel('Email').waitFor();
    await expect(invite.getByLabel('Email').getAttribute('placeholder')).resolves.toBe('name@company.com');
    await expect(invite.getByLabel('Email').inputValue()).resolves.toBe('');
    await screenshot(page, 'team-settings-owner', { phone: true });

    await invite.getByLabel('Email').fill(MEMBER_EMAIL);
    await invite.getByLabel('Role').selectOption({ label: 'Member' });
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${MEMBER_EMAIL}`).waitFor();
    await page
      .getByRole('group', { name: 'Pending invitations' })
      .getByRole('row', { name: /team-member/ })
      .waitFor();
    await screenshot(page, 'team-invitation-pending', { phone: true });
  });

  it('the invitee opens the mailed link in a fresh browser, signs up and lands in the organization as a member', async () => {
    const link = await invitationLink(MEMBER_EMAIL);
    expect(link).toContain(`${api.app.config.server.publicUrl}/invitations/`);
    await memberPage.goto(link);
    await memberPage.getByRole('heading', { level: 1, name: `Join ${ORGANIZATION}` }).waitFor();
    await memberPage.getByText(`${OWNER_EMAIL} invited you to join ${ORGANIZATION} as a member.`).waitFor();
    await expect(memberPage.getByLabel('Email').inputValue()).resolves.toBe(MEMBER_EMAIL);
    await expect(memberPage.getByLabel('Email').getAttribute('readonly')).resolves.not.toBeNull();
    await screenshot(memberPage, 'team-invitation-sign-up', { phone: true });

    await memberPage.getByLabel('Choose a password').fill(PASSWORD);
    await memberPage.getByRole('button', { name: 'Create account and join' }).click();
    await memberPage.waitForURL((url) => url.pathname === '/');
    expect(await storedRole()).toBe('MEMBER');

    await memberPage.getByRole('link', { name: 'Settings' }).click();
    const members = memberPage.getByRole('group', { name: 'Members' });
    await members.getByRole('row', { name: new RegExp(OWNER_EMAIL) }).waitFor();
    await memberPage.getByText(`You are a member of ${ORGANIZATION}.`, { exact: false }).waitFor();
    // Read-only: no role selects, no removal, no invitations, and no billing actions.
    await expect(members.getByRole('combobox').count()).resolves.toBe(0);
    await expect(members.getByRole('button', { name: /Remove/ }).count()).resolves.toBe(0);
    await expect(memberPage.getByRole('form', { name: 'Invite a member' }).count()).resolves.toBe(0);
    const billing = memberPage.getByRole('region', { name: 'Billing' });
    await billing.getByText('manage the subscription').waitFor();
    await expect(billing.getByRole('button').count()).resolves.toBe(0);
    await expect(billing.getByRole('link').count()).resolves.toBe(0);
    await screenshot(memberPage, 'team-settings-member', { phone: true });
  });

  it('the link cannot be used again, and an unknown link explains itself', async () => {
    const link = await invitationLink(MEMBER_EMAIL);
    const fresh = await openSession(browser, api.url, api.app.config.server.publicUrl);
    const stranger = fresh.page;
    try {
      await stranger.goto(link);
      await stranger.getByRole('heading', { level: 1, name: 'This invitation has been used' }).waitFor();
      await screenshot(stranger, 'team-invitation-used');
      await stranger.goto('/invitations/not-a-real-token');
      await stranger.getByRole('heading', { level: 1, name: 'This invitation link is not valid' }).waitFor();
      await screenshot(stranger, 'team-invitation-invalid', { phone: true });
    } finally {
      await fresh.close();
    }
  });

  it('the owner makes the member an admin', async () => {
    await page.reload();
    const role = page.getByLabel(`Role of ${MEMBER_EMAIL}`);
    await role.waitFor();
    await expect(role.inputValue()).resolves.toBe('MEMBER');
    await role.selectOption({ label: 'Admin' });
    await expect.poll(storedRole).toBe('ADMIN');
    await expect(role.inputValue()).resolves.toBe('ADMIN');
    await screenshot(page, 'team-member-admin');
  });

  it('the owner removes them after a confirmation, and their next navigation is signed out', async () => {
    const remove = page.getByRole('button', { name: `Remove ${MEMBER_EMAIL}` });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: `Remove ${MEMBER_EMAIL}?` });
    await dialog.waitFor();
    await screenshot(page, 'team-remove-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Focus goes back to the button that opened the dialog.
    await expect(remove.evaluate((button) => button === document.activeElement)).resolves.toBe(true);

    await remove.click();
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await page
      .getByRole('group', { name: 'Members' })
      .getByRole('row', { name: new RegExp(MEMBER_EMAIL) })
      .waitFor({
        state: 'detached',
      });
    await expect.poll(storedRole).toBeNull();
    // Its row (and the button that opened the dialog) is gone: focus lands on the main landmark, not the page body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    await memberPage.getByRole('link', { name: 'Attribution', exact: true }).click();
    await memberPage.waitForURL((url) => url.pathname === '/signin');
    await memberPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await screenshot(memberPage, 'team-removed-signed-out');
  });
});
