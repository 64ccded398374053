import { afterAll, beforeAll, describe, it } from 'vitest';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe('invitations in the browser', () => {
  it('an invited partner sets a password from the one-time link and lands signed in', async () => {
    const admin = await app.newPage();
    await app.login(admin.page, 'admin@polisee.test');
    const orgs = (await (await admin.page.request.get('/api/organisations')).json()) as {
      items: { id: string }[];
    };
    const invitation = await admin.page.request.post('/api/invitations', {
      data: { email: 'new.partner@example.test', organisationId: orgs.items[0]!.id },
      headers: { origin: app.baseUrl },
    });
    const { acceptPath } = (await invitation.json()) as { acceptPath: string };

    const invitee = await app.newPage();
    await invitee.page.goto(acceptPath);
    await invitee.page.getByText('new.partner@example.test').first().waitFor();
    await invitee.page.locator('input[name="name"]').fill('Nikola Petrović');
    await invitee.page.locator('input[name="password"]').fill('a-long-password-1');
    await invitee.page.locator('input[name="confirmPassword"]').fill('a-long-password-2');
    await invitee.page.locator('form button[type="submit"]').click();
    // The mismatch is reported next to the field, linked for assistive technology.
    await invitee.page.locator('#invite-confirm[aria-invalid="true"]').waitFor();
    await invitee.page.locator('#invite-confirm-error').waitFor();

    await invitee.page.locator('input[name="confirmPassword"]').fill('a-long-password-1');
    await invitee.page.locator('form button[type="submit"]').click();
    await invitee.page.waitForURL((url) => !url.pathname.startsWith('/invite'));
    await invitee.page.getByText('Nikola Petrović').first().waitFor();

    // The link works once only.
    const again = await app.newPage();
    await again.page.goto(acceptPath);
    await again.page.locator('[role="alert"]').first().waitFor();
    for (const p of [admin, invitee, again]) await p.context.close();
  });
});
