import { CreateWorkshopRequestSchema } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import * as Y from 'yjs';
import type { ServiceContext } from '../services/context.js';
import { loadActor } from '../services/loadActor.js';
import { createWorkshop } from '../workshops/createWorkshop.js';
import { documentSections } from '../workshops/documentSections.js';

const DAY_MS = 24 * 3600_000;

/**
 * A workshop the demo's strategy lead has planned for next week on the English plan: three
 * agenda items bound to the plan's first sections, and its notes document. It goes through the
 * same use case as one planned in the app, so the group is invited as it would be.
 */
export async function seedDemoWorkshop(
  ctx: ServiceContext,
  input: { plan: PoliDocument; planState: Uint8Array; leadId: string },
): Promise<void> {
  const actor = await loadActor(ctx, input.leadId);
  if (!actor) throw new Error('the demo lead cannot sign in');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, input.planState);
  const sections = documentSections(doc)
    .filter((s) => s.level === 2)
    .slice(0, 3);
  doc.destroy();
  const start = new Date(ctx.now().getTime() + 7 * DAY_MS);
  start.setUTCHours(9, 0, 0, 0);
  const minutes = [30, 45, 30];
  await createWorkshop(
    ctx,
    actor,
    CreateWorkshopRequestSchema.parse({
      title: 'Joint strategic plan: review workshop',
      purpose:
        'Walk through the draft plan with all partners, agree the objectives and vote on the first joint actions.',
      workingGroupId: input.plan.workingGroupId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      language: 'en',
      documentIds: [input.plan.id],
      agenda: sections.map((section, i) => ({
        title: section.heading,
        minutes: minutes[i] ?? 30,
        section: { documentId: input.plan.id, anchor: section.anchor, heading: section.heading },
        priority: input.plan.thematicPriorities[0] ?? null,
      })),
    }),
  );
}
