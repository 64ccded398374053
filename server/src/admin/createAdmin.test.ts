import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@polisee/domain';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServiceContext, type ServiceContext } from '../services/context.js';
import { verifyPassword } from '../services/passwords.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { parseAdminArgs } from './args.js';
import { createAdmin } from './createAdmin.js';

let dir: string;
let store: SqliteStore;
let ctx: ServiceContext;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'polisee-admin-'));
  store = new SqliteStore(path.join(dir, 'polisee.db'));
  ctx = createServiceContext(store, pino({ level: 'silent' }));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = {
  email: ' Ana@Example.org ',
  name: 'Ana Admin',
  organisation: 'Region of Central Macedonia',
  country: 'GR',
};

describe('admin:create', () => {
  it('creates an administrator and their organisation, with a one-time generated password', async () => {
    expect(await store.isEmpty()).toBe(true);
    const created = await createAdmin(ctx, input);
    expect(created.createdOrganisation).toBe(true);
    expect(created.generatedPassword).toMatch(/^[\w-]{16}$/);
    const user = (await store.users.getByEmail('ana@example.org'))!;
    expect(user).toMatchObject({ name: 'Ana Admin', isAdmin: true, language: 'en' });
    expect(user.organisationId).toBe(created.organisation.id);
    expect(await verifyPassword(user.passwordHash!, created.generatedPassword!)).toBe(true);
    expect(await store.organisations.get(created.organisation.id)).toEqual({
      id: created.organisation.id,
      name: 'Region of Central Macedonia',
      country: 'GR',
      type: 'public_authority',
    });
    expect(await store.isEmpty()).toBe(false);
  });

  it('takes a given password, and reuses an organisation of the same name', async () => {
    const first = await createAdmin(ctx, input);
    const second = await createAdmin(ctx, {
      ...input,
      email: 'second@example.org',
      password: 'a long enough password',
      language: 'el',
    });
    expect(second.createdOrganisation).toBe(false);
    expect(second.organisation.id).toBe(first.organisation.id);
    expect(second.generatedPassword).toBeNull();
    const user = (await store.users.getByEmail('second@example.org'))!;
    expect(await verifyPassword(user.passwordHash!, 'a long enough password')).toBe(true);
    expect(await store.organisations.list()).toHaveLength(1);
  });

  it('refuses a taken email, invalid input and a same-named organisation elsewhere', async () => {
    await createAdmin(ctx, input);
    await expect(createAdmin(ctx, input)).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      createAdmin(ctx, { ...input, email: 'x@example.org', country: 'RO' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    for (const bad of [
      { email: 'not-an-email' },
      { country: 'Greece' },
      { name: '' },
      { password: 'short' },
      { type: 'ministry' as never },
    ]) {
      await expect(
        createAdmin(ctx, { ...input, email: 'y@example.org', ...bad }),
      ).rejects.toBeInstanceOf(AppError);
    }
    expect(await store.users.list()).toHaveLength(1);
  });

  it('refuses a password the policy refuses, saying why, and creates nothing', async () => {
    for (const [password, reason] of [
      ['aaaaaaaaaaaaaaaa', 'predictable'],
      ['password123456', 'common'],
      ['ana@example.org', 'contains_email'],
      ['Ana-Admin-tulip-garden', 'contains_name'],
    ] as const) {
      await expect(createAdmin(ctx, { ...input, password })).rejects.toMatchObject({
        code: 'password_too_weak',
        reason,
      });
    }
    expect(await store.users.list()).toHaveLength(0);
    expect(await store.organisations.list()).toHaveLength(0);
  });

  it('parses its command line', () => {
    expect(
      parseAdminArgs([
        '--email',
        'a@b.org',
        '--name',
        'A B',
        '--organisation',
        'Org',
        '--country',
        'GR',
        '--password-stdin',
      ]),
    ).toEqual({
      input: { email: 'a@b.org', name: 'A B', organisation: 'Org', country: 'GR' },
      passwordStdin: true,
      help: false,
    });
    expect(() => parseAdminArgs(['--password', 'x'])).toThrow();
  });

  it('runs as a command on the configured store, reading the password from stdin', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const serverRoot = path.resolve(here, '../..');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'cli.ts'),
        ...['--email', 'cli@example.org', '--name', 'Cli Admin'],
        ...['--organisation', 'Pannon Innovation Agency', '--country', 'HU', '--password-stdin'],
      ],
      {
        cwd: serverRoot,
        encoding: 'utf8',
        input: 'a password from stdin\n',
        env: { PATH: process.env.PATH, NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Created the administrator cli@example.org/);
    expect(run.stdout).not.toMatch(/One-time password/);
    return (async () => {
      const user = (await store.users.getByEmail('cli@example.org'))!;
      expect(user.isAdmin).toBe(true);
      expect(await verifyPassword(user.passwordHash!, 'a password from stdin')).toBe(true);
    })();
  });
});
