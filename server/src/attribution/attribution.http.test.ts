import { parse } from 'csv-parse/sync';
import type { Node } from '@tiptap/pm/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { directUpdate, suggestionSchema, suggestionUpdate } from '../testing/suggestions.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * The ledger end to end: a real server, three stock y-websocket clients of three organisations
 * (Greece, Romania, Bulgaria in the demo workspace) writing one document — directly, as a
 * suggestion, and settling it — and the statistics, the CSV and the authorship map read back.
 */
let server: TestServer;
const people: Record<string, TestClient> = {};
const clients: CollabTestClient[] = [];
let documentId: string;

async function signIn(email: string) {
  const c = new TestClient(server.baseUrl);
  await c.login(email, TEST_PASSWORD);
  return c;
}

function join(who: TestClient) {
  const c = connectCollab(server.baseUrl, documentId, { cookie: who.sessionCookie });
  clients.push(c);
  return c;
}

/** Sends what an editor would after `change`, and waits until the server has it. */
async function send(c: CollabTestClient, update: Uint8Array) {
  Y.applyUpdate(c.doc, update);
  await c.roundTrip();
  return update;
}

/** Until `c` has received the text others wrote. */
const sees = (c: CollabTestClient, word: string) =>
  waitFor(() => c.doc.getXmlFragment(FRAGMENT_NAME).toString().includes(word), 10_000, word);

function endOf(pmDoc: Node, word: string): number {
  let at = -1;
  pmDoc.descendants((node, pos) => {
    const i = node.isText ? node.text!.indexOf(word) : -1;
    if (i >= 0) at = pos + i + word.length;
  });
  if (at < 0) throw new Error(`no "${word}" in the document`);
  return at;
}

const paragraph = (text: string) =>
  suggestionSchema.nodes.paragraph!.create(null, suggestionSchema.text(text));

beforeAll(async () => {
  server = await startTestServer();
  for (const email of ['lead', 'member', 'stc', 'sc', 'admin', 'observer'])
    people[email] = await signIn(`${email}@polisee.test`);
  const groupId = (await people.lead!.get('/api/working-groups')).body.items.find(
    (g: { myRole: string }) => g.myRole === 'wg_lead',
  ).id;
  documentId = (
    await people.lead!.post('/api/documents', {
      title: '=Joint plan',
      kind: 'workshop_notes',
      workingGroupId: groupId,
      thematicPriorities: ['skills'],
      language: 'en',
    })
  ).body.id;
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('contribution ledger', () => {
  it('credits each organisation with exactly what its people typed, suggested and settled', async () => {
    const lead = join(people.lead!); // Region of Central Macedonia, GR
    const member = join(people.member!); // North-East Regional Development Agency, RO
    const stc = join(people.stc!); // Institute for Economic Research, Sofia, BG: suggest-only
    await Promise.all([lead, member, stc].map(synced));
    const stcId = (await people.stc!.get('/api/auth/me')).body.user.id;

    const typed = await send(
      lead,
      directUpdate(lead.doc, (tr, doc) => tr.insert(doc.content.size, paragraph('Alpha plan'))),
    );
    await send(
      member,
      directUpdate(member.doc, (tr, doc) => tr.insert(doc.content.size, paragraph('Bravo!!'))),
    );
    await send(
      member,
      directUpdate(member.doc, (tr, doc) =>
        tr.delete(endOf(doc, 'Bravo!!') - 2, endOf(doc, 'Bravo!!')),
      ),
    );
    await sees(stc, 'Alpha plan');
    await send(
      stc,
      suggestionUpdate(stc.doc, stcId, (tr, doc) =>
        tr.insertText(' Charlie', endOf(doc, 'Alpha plan')),
      ),
    );
    // The lead accepts the suggestion: the mark goes, the text stays.
    await sees(lead, 'Charlie');
    await send(
      lead,
      directUpdate(lead.doc, (tr, doc) =>
        tr.removeMark(0, doc.content.size, suggestionSchema.marks.insertion!),
      ),
    );
    expect(stc.closeCodes).toEqual([]);

    const figures = (organisation: string, country: string, over: object) => ({
      organisationId: expect.any(String),
      organisationName: organisation,
      country,
      charactersInserted: 0,
      charactersDeleted: 0,
      suggestionsMade: 0,
      suggestionsAccepted: 0,
      suggestionsRejected: 0,
      suggestionsSettled: 0,
      ...over,
    });
    // Largest share first: 10, then 7 + 2, then 8 (" Charlie").
    const expected = [
      figures('Region of Central Macedonia', 'GR', {
        charactersInserted: 10,
        suggestionsSettled: 1,
      }),
      figures('North-East Regional Development Agency', 'RO', {
        charactersInserted: 7,
        charactersDeleted: 2,
      }),
      figures('Institute for Economic Research, Sofia', 'BG', {
        charactersInserted: 8,
        suggestionsMade: 1,
        suggestionsAccepted: 1,
      }),
    ];
    const stats = () =>
      people
        .member!.get(`/api/documents/${documentId}/contributions?period=day`)
        .then((r) => r.body);
    await expect.poll(async () => (await stats()).totals, { timeout: 10_000 }).toEqual(expected);
    const { rows } = await stats();
    const today = new Date().toISOString().slice(0, 10);
    expect(
      rows.map((r: { period: string; documentTitle: string }) => [r.period, r.documentTitle]),
    ).toEqual([
      [today, '=Joint plan'],
      [today, '=Joint plan'],
      [today, '=Joint plan'],
    ]);

    // Programme level, by country, for the group's lead; the CSV holds the same rows.
    const groupId = (await server.ctx.store.documents.get(documentId))!.workingGroupId;
    const byCountry = await people.lead!.get(
      `/api/contributions?workingGroupId=${groupId}&groupBy=country&period=month`,
    );
    expect(byCountry.status).toBe(200);
    expect(
      byCountry.body.totals.map((t: { country: string; charactersInserted: number }) => [
        t.country,
        t.charactersInserted,
      ]),
    ).toEqual([
      ['GR', 10],
      ['RO', 7],
      ['BG', 8],
    ]);
    const csv = await people.member!.get(`/api/documents/${documentId}/contributions.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const table = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(
      table
        .map((r) => [
          r.organisation,
          r.country,
          r.characters_inserted,
          r.characters_deleted,
          r.suggestions_accepted,
        ])
        .sort(),
    ).toEqual([
      ['Institute for Economic Research, Sofia', 'BG', '8', '0', '1'],
      ['North-East Regional Development Agency', 'RO', '7', '2', '0'],
      ['Region of Central Macedonia', 'GR', '10', '0', '0'],
    ]);
    // A title starting with "=" is not a formula in a spreadsheet.
    expect(table[0]!.document_title).toBe("'=Joint plan");

    // The authorship map: the lead's client id is the lead's organisation's.
    const leadClient = Y.decodeUpdate(typed).structs[0]!.id.client;
    const authorship = (await people.observer!.get(`/api/documents/${documentId}/authorship`)).body;
    const orgOf = (clientId: number) =>
      authorship.organisations.find(
        (o: { organisationId: string }) =>
          o.organisationId ===
          authorship.clients.find((c: { clientId: number }) => c.clientId === clientId)
            ?.organisationId,
      );
    expect(orgOf(leadClient)).toMatchObject({ name: 'Region of Central Macedonia', country: 'GR' });
    expect(authorship.organisations).toHaveLength(3);
  });

  it('does not credit text written under another user’s client id, nor rebinds it', async () => {
    const before = (await people.admin!.get(`/api/documents/${documentId}/contributions`)).body;
    const forger = join(people.admin!);
    await synced(forger);
    const lead = (await people.lead!.get(`/api/documents/${documentId}/authorship`)).body;
    const leadOrg = lead.organisations.find(
      (o: { name: string }) => o.name === 'Region of Central Macedonia',
    ).organisationId;
    const leadClient = lead.clients.find(
      (c: { organisationId: string }) => c.organisationId === leadOrg,
    ).clientId;
    // The forger writes as the lead's client: the text lands (a client may relay others'
    // items), but it is credited to no one and the client id stays the lead's.
    const ownClient = forger.doc.clientID;
    forger.doc.clientID = leadClient;
    const forged = forger.doc
      .getXmlFragment(FRAGMENT_NAME)
      .toArray()
      .map((block) => (block instanceof Y.XmlElement ? block.get(0) : null))
      .find((text): text is Y.XmlText => text instanceof Y.XmlText)!;
    forged.insert(0, 'Forged');
    await forger.roundTrip();
    // Its awareness state is keyed by its own id, which the provider reads as it ends.
    forger.doc.clientID = ownClient;
    expect(forger.closeCodes).toEqual([]);
    // A marker typed by the forger under its own client id: once it is counted, the forged
    // update (sent before it, on the same connection) has been through the ledger too.
    await send(
      forger,
      directUpdate(forger.doc, (tr, doc) => tr.insert(doc.content.size, paragraph('Own'))),
    );
    const admins = 'North-East Regional Development Agency';
    const inserted = (
      body: { totals: { organisationName: string; charactersInserted: number }[] },
      name: string,
    ) => body.totals.find((t) => t.organisationName === name)?.charactersInserted ?? 0;
    await expect
      .poll(async () =>
        inserted(
          (await people.admin!.get(`/api/documents/${documentId}/contributions`)).body,
          admins,
        ),
      )
      .toBe(inserted(before, admins) + 3);
    const after = (await people.admin!.get(`/api/documents/${documentId}/contributions`)).body;
    expect(inserted(after, 'Region of Central Macedonia')).toBe(10);
    const again = (await people.lead!.get(`/api/documents/${documentId}/authorship`)).body;
    expect(again.clients.find((c: { clientId: number }) => c.clientId === leadClient)).toEqual({
      clientId: leadClient,
      organisationId: leadOrg,
    });
  });

  it('keeps statistics to the group and programme figures to leads and admins', async () => {
    const groupId = (await server.ctx.store.documents.get(documentId))!.workingGroupId;
    expect((await people.member!.get(`/api/contributions?workingGroupId=${groupId}`)).status).toBe(
      403,
    );
    expect((await people.lead!.get('/api/contributions')).status).toBe(403);
    expect((await people.admin!.get('/api/contributions')).status).toBe(200);
    expect((await people.sc!.get(`/api/contributions.csv?workingGroupId=${groupId}`)).status).toBe(
      200,
    );
    expect(
      (
        await people.member!.get(
          `/api/documents/${documentId}/contributions?from=2026-02-01&to=2026-01-01`,
        )
      ).status,
    ).toBe(400);
  });
});
