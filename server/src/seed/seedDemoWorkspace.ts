import {
  AppError,
  type Language,
  type MembershipRole,
  type Organisation,
  type PoliDocument,
  type ThematicPriority,
  type WorkingGroup,
} from '@polisee/domain';
import { JSP_THREADS, seedDemoThreads } from './demoThreads.js';
import { encodeInitialState } from '../content/yjsContent.js';
import type { ServiceContext } from '../services/context.js';
import {
  generatePassword,
  passwordWeaknesses,
  type PasswordOwner,
} from '../services/passwordPolicy.js';
import { hashPassword } from '../services/passwords.js';
import { recordCreatedVersion } from '../services/versions/recordCreatedVersion.js';
import { seedDemoWorkshop } from './demoWorkshop.js';
import { demoDocuments } from './demoDocuments.js';
import { publishSeeded } from './demoKnowledge.js';

type GroupKey = 'strategy' | 'financing' | 'skills';

const ORGANISATIONS: Omit<Organisation, 'id'>[] = [
  { name: 'Region of Central Macedonia', country: 'GR', type: 'public_authority' },
  { name: 'North-East Regional Development Agency', country: 'RO', type: 'development_agency' },
  { name: 'Institute for Economic Research, Sofia', country: 'BG', type: 'university_research' },
  { name: 'Pannon Innovation Agency', country: 'HU', type: 'innovation_agency' },
  { name: 'Albanian Cluster Network', country: 'AL', type: 'cluster_network' },
];

const GROUPS: Record<GroupKey, Omit<WorkingGroup, 'id'>> = {
  strategy: {
    name: 'WG1 — Joint strategy and foresight',
    description:
      'Drafts the Joint Strategic Plan and runs the foresight exercises: learning by prefiguring the future of clusters in South-East Europe.',
    thematicPriorities: [
      'innovation',
      'specialisation',
      'internationalisation',
    ] satisfies ThematicPriority[],
  },
  financing: {
    name: 'WG2 — Cluster financing and sustainability',
    description:
      'Assesses regional policy frameworks for cluster financing and prepares the Sustainability Plan, learning from past actions.',
    thematicPriorities: ['financing', 'sustainability'] satisfies ThematicPriority[],
  },
  skills: {
    name: 'WG3 — Skills, training and pilot actions',
    description:
      'Builds the S3 training packages and the common knowledge base, and plans and evaluates the pilot initiatives.',
    thematicPriorities: ['skills', 'innovation'] satisfies ThematicPriority[],
  },
};

interface DemoUser {
  email: string;
  name: string;
  organisation: number;
  isAdmin: boolean;
  language: Language;
  memberships: Partial<Record<GroupKey, MembershipRole>>;
}

/** One user per role; the emails are part of the product's contract with its demo and tests. */
const USERS: DemoUser[] = [
  {
    email: 'admin@polisee.test',
    name: 'Ana Admin',
    organisation: 1,
    isAdmin: true,
    language: 'en',
    memberships: {},
  },
  {
    email: 'lead@polisee.test',
    name: 'Eleni Papadopoulou',
    organisation: 0,
    isAdmin: false,
    language: 'en',
    memberships: { strategy: 'wg_lead', financing: 'wg_member' },
  },
  {
    email: 'member@polisee.test',
    name: 'Mihai Popescu',
    organisation: 1,
    isAdmin: false,
    language: 'en',
    memberships: { strategy: 'wg_member', skills: 'wg_member' },
  },
  {
    email: 'observer@polisee.test',
    name: 'Besa Hoxha',
    organisation: 4,
    isAdmin: false,
    language: 'en',
    memberships: { strategy: 'observer', financing: 'observer' },
  },
  {
    email: 'sc@polisee.test',
    name: 'Zsófia Kovács',
    organisation: 3,
    isAdmin: false,
    language: 'en',
    memberships: { strategy: 'sc_member', financing: 'sc_member', skills: 'sc_member' },
  },
  {
    email: 'stc@polisee.test',
    name: 'Georgi Dimitrov',
    organisation: 2,
    isAdmin: false,
    language: 'en',
    memberships: { strategy: 'stc_member', financing: 'stc_member', skills: 'stc_member' },
  },
  {
    email: 'lead.financing@polisee.test',
    name: 'Ioana Ionescu',
    organisation: 1,
    isAdmin: false,
    language: 'ro',
    memberships: { financing: 'wg_lead' },
  },
  {
    email: 'lead.skills@polisee.test',
    name: 'Péter Nagy',
    organisation: 3,
    isAdmin: false,
    language: 'hu',
    memberships: { skills: 'wg_lead' },
  },
];

export const DEMO_EMAILS = USERS.map((u) => u.email);

const OWNERS: PasswordOwner[] = USERS.map((u) => ({
  email: u.email,
  name: u.name,
  organisation: ORGANISATIONS[u.organisation]!.name,
}));

/**
 * Seeds the demo workspace into an empty store. Returns the password when one was generated,
 * so the composition root can print it once. Every demo user shares the password, so it must
 * pass the password policy for each of them; a configured one that does not stops the start.
 */
export async function seedDemoWorkspace(
  ctx: ServiceContext,
  /** `appOrigin`: where the app is reached, for the links between demo documents. */
  options: { password: string | undefined; appOrigin?: string },
): Promise<{ generatedPassword: string | null }> {
  const password = options.password ?? (await generatePassword(OWNERS));
  const weaknesses = options.password ? await passwordWeaknesses(password, OWNERS) : [];
  for (const [i, weakness] of weaknesses.entries()) {
    const owner = OWNERS[i]!;
    if (weakness) {
      throw new AppError(
        'password_too_weak',
        `DEMO_PASSWORD does not pass the password policy for ${owner.email} (${weakness}): choose another, or leave it unset to have one generated.`,
        undefined,
        weakness,
      );
    }
  }
  const passwordHash = await hashPassword(password);
  const now = ctx.now().toISOString();

  const orgIds: string[] = [];
  for (const org of ORGANISATIONS) {
    const id = ctx.newId();
    await ctx.store.organisations.create({ id, ...org });
    orgIds.push(id);
  }
  const groupIds = {} as Record<GroupKey, string>;
  for (const [key, group] of Object.entries(GROUPS) as [GroupKey, Omit<WorkingGroup, 'id'>][]) {
    groupIds[key] = ctx.newId();
    await ctx.store.workingGroups.create({ id: groupIds[key], ...group });
  }
  const userIds = new Map<string, string>();
  for (const u of USERS) {
    const id = ctx.newId();
    userIds.set(u.email, id);
    await ctx.store.users.create({
      id,
      email: u.email,
      name: u.name,
      organisationId: orgIds[u.organisation]!,
      isAdmin: u.isAdmin,
      language: u.language,
      passwordHash,
      createdAt: now,
    });
    for (const [group, role] of Object.entries(u.memberships) as [GroupKey, MembershipRole][]) {
      await ctx.store.memberships.set({ userId: id, workingGroupId: groupIds[group], role });
    }
  }

  const leadOf: Record<GroupKey, string> = {
    strategy: userIds.get('lead@polisee.test')!,
    financing: userIds.get('lead.financing@polisee.test')!,
    skills: userIds.get('lead.skills@polisee.test')!,
  };
  let plan: { doc: PoliDocument; state: Uint8Array } | null = null;
  const goodPracticeId = ctx.newId();
  const origin = options.appOrigin ?? 'http://localhost:3000';
  const demos = demoDocuments({
    id: goodPracticeId,
    href: `${origin}/documents/${goodPracticeId}`,
  });
  for (const demo of demos) {
    const owner = leadOf[demo.workingGroup];
    const doc: PoliDocument = {
      id: demo.id ?? ctx.newId(),
      title: demo.title,
      kind: demo.kind,
      workingGroupId: groupIds[demo.workingGroup],
      thematicPriorities: demo.thematicPriorities,
      countries: demo.countries,
      tags: demo.tags ?? [],
      language: demo.language,
      status: 'draft',
      ownerIds: [owner],
      suggestOnlyIds: [],
      createdBy: owner,
      createdAt: now,
      updatedAt: now,
    };
    // The English plan comes with a few discussions already under way.
    const threads =
      demo.kind === 'joint_strategic_plan' && demo.language === 'en' ? JSP_THREADS : [];
    const seeded = await seedDemoThreads(ctx, {
      documentId: doc.id,
      workingGroupId: doc.workingGroupId,
      initialState: encodeInitialState(demo.content),
      threads,
      userIds,
      // Discussions from the days before the workspace opened.
      at: new Date(ctx.now().getTime() - 3 * 24 * 3600_000),
    });
    await ctx.store.documents.create(doc, seeded.state);
    await seeded.write();
    if (threads.length > 0) plan = { doc, state: seeded.state };
    // Its history starts with the text as seeded, discussions included, like any new document.
    const created = await recordCreatedVersion(ctx, {
      document: doc,
      state: seeded.state,
      createdBy: owner,
    });
    if (demo.publish) await publishSeeded(ctx, doc, created, owner);
    await ctx.store.activity.add({
      id: ctx.newId(),
      type: 'document_created',
      actorId: owner,
      actorName: USERS.find((u) => userIds.get(u.email) === owner)!.name,
      workingGroupId: doc.workingGroupId,
      documentId: doc.id,
      documentTitle: doc.title,
      at: now,
    });
  }
  if (plan) {
    await seedDemoWorkshop(ctx, {
      plan: plan.doc,
      planState: plan.state,
      leadId: leadOf.strategy,
    });
  }
  return { generatedPassword: options.password ? null : password };
}
