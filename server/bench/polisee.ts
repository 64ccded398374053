import { randomBytes } from 'node:crypto';
import { COLLAB_LIMITS } from '@polisee/contracts';
import { DEMO_PASSWORD, type RunningServer } from './servers.js';

/**
 * What the bench needs from our REST API: sessions, enough users for hundreds of collaboration
 * connections (the server allows COLLAB_LIMITS.maxConnectionsPerUser per user, so the bench
 * invites more users into the working group), and a fresh document per scenario.
 */
const CONNECTIONS_PER_USER = COLLAB_LIMITS.maxConnectionsPerUser - 2;
const BENCH_PASSWORD = 'harbour violet kettle 1903';

interface SessionInfo {
  user: { id: string; organisationId: string };
  organisation: { id: string };
}

/** A signed-in user of our server: its id and session cookie. */
export interface BenchUser {
  id: string;
  cookie: string;
}

interface WorkingGroupItem {
  id: string;
  myRole: string | null;
}

export class PoliseeAccess {
  /** One session cookie per user; client i uses user floor(i / CONNECTIONS_PER_USER). */
  private readonly cookies: string[] = [];
  private invited = 0;
  /** Invited emails must be new even when a server restarts on the same data. */
  private readonly runId = randomBytes(3).toString('hex');

  private constructor(
    readonly base: string,
    private readonly adminCookie: string,
    private readonly organisationId: string,
    readonly workingGroupId: string,
    /** The demo lead (lead of `workingGroupId`) and the demo member of that group. */
    readonly lead: BenchUser,
    readonly member: BenchUser,
  ) {}

  static async open(server: RunningServer): Promise<PoliseeAccess> {
    const base = server.httpBase;
    const admin = await login(base, 'admin@polisee.test');
    const lead = await login(base, 'lead@polisee.test');
    const member = await login(base, 'member@polisee.test');
    const groups = await request<{ items: WorkingGroupItem[] }>(
      base,
      'GET',
      '/api/working-groups',
      {
        cookie: lead.cookie,
      },
    );
    const group = groups.items.find((g) => g.myRole === 'wg_lead' || g.myRole === 'wg_member');
    if (!group) throw new Error('lead@polisee.test has no writable working group');
    const access = new PoliseeAccess(
      base,
      admin.cookie,
      admin.info.organisation.id,
      group.id,
      { id: lead.info.user.id, cookie: lead.cookie },
      { id: member.info.user.id, cookie: member.cookie },
    );
    access.cookies.push(lead.cookie, member.cookie);
    return access;
  }

  /** The session cookie for client `index`; call ensureClients first. */
  cookieFor(index: number): string {
    const cookie = this.cookies[Math.floor(index / CONNECTIONS_PER_USER)];
    if (!cookie) throw new Error(`no session for client ${index}: call ensureClients`);
    return cookie;
  }

  /** Invites and signs in users until `clients` connections fit under the per-user limit. */
  async ensureClients(clients: number): Promise<void> {
    const users = Math.ceil(clients / CONNECTIONS_PER_USER);
    while (this.cookies.length < users) this.cookies.push((await this.inviteUser()).cookie);
  }

  /**
   * `count` new, distinct members of the working group, each signed in: for what is counted per
   * user (a workshop's ballots, its presence), where one user per connection is the point.
   */
  async inviteUsers(count: number): Promise<BenchUser[]> {
    const users: BenchUser[] = [];
    for (let i = 0; i < count; i++) users.push(await this.inviteUser());
    return users;
  }

  private async inviteUser(): Promise<BenchUser> {
    const n = ++this.invited;
    const { acceptPath } = await request<{ acceptPath: string }>(
      this.base,
      'POST',
      '/api/invitations',
      {
        cookie: this.adminCookie,
        body: {
          email: `bench-${this.runId}-${n}@polisee.test`,
          organisationId: this.organisationId,
          membership: { workingGroupId: this.workingGroupId, role: 'wg_member' },
        },
      },
    );
    const token = acceptPath.split('/').pop()!;
    const accepted = await requestRaw(this.base, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: `Bench user ${n}`, password: BENCH_PASSWORD },
    });
    const info = (await accepted.json()) as SessionInfo;
    return { id: info.user.id, cookie: sessionCookie(accepted) };
  }

  async createDocument(title: string): Promise<string> {
    const doc = await request<{ id: string }>(this.base, 'POST', '/api/documents', {
      cookie: this.cookies[0]!,
      body: {
        title,
        kind: 'workshop_notes',
        workingGroupId: this.workingGroupId,
        thematicPriorities: ['skills'],
        language: 'en',
      },
    });
    return doc.id;
  }
}

async function login(base: string, email: string) {
  const res = await requestRaw(base, 'POST', '/api/auth/login', {
    body: { email, password: DEMO_PASSWORD },
  });
  return { cookie: sessionCookie(res), info: (await res.json()) as SessionInfo };
}

function sessionCookie(res: Response): string {
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('polisee.sid='));
  if (!cookie) throw new Error(`no session cookie in the ${res.url} response`);
  return cookie;
}

export interface RequestOptions {
  cookie?: string;
  body?: unknown;
}

async function requestRaw(base: string, method: string, path: string, opts: RequestOptions) {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
  return res;
}

export async function request<T>(
  base: string,
  method: string,
  path: string,
  opts: RequestOptions = {},
) {
  return (await (await requestRaw(base, method, path, opts)).json()) as T;
}
