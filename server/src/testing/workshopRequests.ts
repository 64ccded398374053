import type { CreateWorkshopRequest } from '@polisee/contracts';
import { TestClient } from './httpClient.js';
import { TEST_PASSWORD } from './testServer.js';

/** The demo workspace as workshop tests use it: its groups, people and documents by name. */
export interface DemoWorkspace {
  /** WG1, led by lead@polisee.test. */
  strategyId: string;
  /** WG3, led by lead.skills@polisee.test. */
  skillsId: string;
  /** User ids by email. */
  userIds: Record<string, string>;
  /** The documents of WG1 and of WG3, as the admin lists them. */
  strategyDocIds: string[];
  skillsDocIds: string[];
}

export async function signedIn(baseUrl: string, email: string): Promise<TestClient> {
  const c = new TestClient(baseUrl);
  await c.login(email, TEST_PASSWORD);
  return c;
}

export async function readDemoWorkspace(admin: TestClient): Promise<DemoWorkspace> {
  const groups = (await admin.get('/api/working-groups')).body.items as {
    id: string;
    name: string;
  }[];
  const strategyId = groups.find((g) => g.name.startsWith('WG1'))!.id;
  const skillsId = groups.find((g) => g.name.startsWith('WG3'))!.id;
  const users = (await admin.get('/api/users')).body.items as { id: string; email: string }[];
  const docsOf = async (groupId: string) =>
    (
      (await admin.get(`/api/documents?workingGroupId=${groupId}`)).body.items as { id: string }[]
    ).map((d) => d.id);
  return {
    strategyId,
    skillsId,
    userIds: Object.fromEntries(users.map((u) => [u.email, u.id])),
    strategyDocIds: await docsOf(strategyId),
    skillsDocIds: await docsOf(skillsId),
  };
}

/** A valid request to plan a workshop of the group; override what the test is about. */
export function workshopRequest(
  workingGroupId: string,
  over: Partial<CreateWorkshopRequest> = {},
): CreateWorkshopRequest {
  return {
    title: 'Foresight workshop on the Joint Strategic Plan',
    purpose: 'Agree the priorities of the plan.',
    workingGroupId,
    startsAt: '2030-05-14T07:00:00.000Z',
    endsAt: '2030-05-14T10:30:00.000Z',
    language: 'en',
    agenda: [
      { title: 'Welcome and objectives', minutes: 10 },
      { title: 'Scenarios for 2040', minutes: 60, priority: 'innovation' },
      { title: 'Decisions and next steps', minutes: 20 },
    ],
    ...over,
  };
}
