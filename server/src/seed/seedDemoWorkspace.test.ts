import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createServiceContext } from '../services/context.js';
import { passwordWeakness } from '../services/passwordStrength.js';
import { verifyPassword } from '../services/passwords.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { seedDemoWorkspace } from './seedDemoWorkspace.js';

/** Every demo user shares one password: it must pass the password policy for each of them. */
async function seeded(password: string | undefined) {
  const store = new SqliteStore(':memory:');
  const ctx = createServiceContext(store, pino({ level: 'silent' }));
  try {
    const result = await seedDemoWorkspace(ctx, { password });
    const users = await Promise.all(
      (await store.users.list()).map(async (u) => (await store.users.getByEmail(u.email))!),
    );
    const organisations = await store.organisations.list();
    return { result, users, organisations };
  } finally {
    await store.close();
  }
}

describe('the demo password', () => {
  it('is generated, when none is configured, so that it passes for every demo user', async () => {
    const { result, users, organisations } = await seeded(undefined);
    const password = result.generatedPassword!;
    expect(password).toMatch(/^[\w-]{16}$/);
    for (const user of users) {
      const organisation = organisations.find((o) => o.id === user.organisationId)?.name;
      expect(passwordWeakness(password, { ...user, organisation }), user.email).toBeNull();
      expect(await verifyPassword(user.passwordHash!, password)).toBe(true);
    }
  });

  it('may be configured, as in the README, and is not printed then', async () => {
    const { result, users } = await seeded('orchard lantern 59');
    expect(result.generatedPassword).toBeNull();
    expect(await verifyPassword(users[0]!.passwordHash!, 'orchard lantern 59')).toBe(true);
  });

  it('stops the seed, saying why, when the configured one is weak for any demo user', async () => {
    for (const [password, reason] of [
      ['aaaaaaaaaaaa', 'predictable'],
      ['polisee-demo-1', 'contains_email'],
      ['Eleni-Papadopoulou-77', 'contains_name'],
      ['Zk3$pQ9!vL', 'too_short'],
    ] as const) {
      await expect(seeded(password), password).rejects.toMatchObject({
        code: 'password_too_weak',
        reason,
        message: expect.stringContaining('DEMO_PASSWORD'),
      });
    }
  });
});
