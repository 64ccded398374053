import type { Database } from 'better-sqlite3';
import { writeTransaction } from './writeTransaction.js';

/**
 * Versioned migrations. Each entry runs once, in order, inside a transaction, and bumps
 * `PRAGMA user_version`. Never edit a shipped entry: append a new one.
 */
const MIGRATIONS: string[] = [
  /* 1: workspace, accounts, documents, Yjs log, activity */ `
  CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    type TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    is_admin INTEGER NOT NULL DEFAULT 0,
    language TEXT NOT NULL,
    password_hash TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE working_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    thematic_priorities TEXT NOT NULL
  );
  CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    working_group_id TEXT NOT NULL REFERENCES working_groups(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, working_group_id)
  );
  CREATE INDEX memberships_by_group ON memberships(working_group_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    is_admin INTEGER NOT NULL,
    membership TEXT,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT
  );
  CREATE TABLE sessions (
    sid TEXT PRIMARY KEY,
    user_id TEXT,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions(user_id);
  CREATE INDEX sessions_by_expiry ON sessions(expires_at);
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    working_group_id TEXT NOT NULL REFERENCES working_groups(id),
    thematic_priorities TEXT NOT NULL,
    countries TEXT NOT NULL,
    language TEXT NOT NULL,
    status TEXT NOT NULL,
    owner_ids TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX documents_by_group ON documents(working_group_id, updated_at);
  CREATE INDEX documents_by_status ON documents(status);
  CREATE TABLE document_snapshots (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    state BLOB NOT NULL,
    last_seq INTEGER NOT NULL
  );
  CREATE TABLE document_updates (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    update_bytes BLOB NOT NULL,
    PRIMARY KEY (document_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE activity (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    working_group_id TEXT,
    document_id TEXT,
    document_title TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX activity_by_time ON activity(at DESC);
  CREATE INDEX activity_by_group ON activity(working_group_id, at DESC);
  `,
  /* 2: comment threads, their messages, read marks, notifications */ `
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    working_group_id TEXT NOT NULL,
    priority TEXT NOT NULL,
    status TEXT NOT NULL,
    author_id TEXT NOT NULL,
    quote TEXT NOT NULL,
    anchor_state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT,
    last_activity_at TEXT NOT NULL,
    last_activity_by TEXT NOT NULL,
    message_count INTEGER NOT NULL
  );
  CREATE INDEX threads_by_document ON comment_threads(document_id, last_activity_at DESC);
  -- The priority inbox: equality on priority and status, then newest activity first.
  CREATE INDEX threads_inbox ON comment_threads(priority, status, last_activity_at DESC, id DESC);
  CREATE TABLE thread_messages (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    body TEXT NOT NULL,
    mentions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT
  );
  CREATE INDEX messages_by_thread ON thread_messages(thread_id, created_at, id);
  CREATE TABLE thread_participants (
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    PRIMARY KEY (thread_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX participants_by_user ON thread_participants(user_id, thread_id);
  CREATE TABLE thread_mentions (
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    PRIMARY KEY (thread_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX mentions_by_user ON thread_mentions(user_id, thread_id);
  CREATE TABLE thread_reads (
    user_id TEXT NOT NULL,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    read_at TEXT NOT NULL,
    PRIMARY KEY (user_id, thread_id)
  ) WITHOUT ROWID;
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    document_id TEXT NOT NULL,
    document_title TEXT NOT NULL,
    thread_id TEXT,
    priority TEXT,
    excerpt TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT
  );
  CREATE INDEX notifications_by_user ON notifications(user_id, created_at DESC, id DESC);
  CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
  `,
  /* 3: versions (metadata apart from their Yjs bytes), review rounds, publications */ `
  CREATE TABLE document_versions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    name TEXT,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    contributors TEXT NOT NULL,
    document_status TEXT NOT NULL,
    source_version_id TEXT,
    state_vector TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    UNIQUE (document_id, number)
  );
  -- The bytes live apart, so that listing a long history never reads them.
  CREATE TABLE document_version_states (
    version_id TEXT PRIMARY KEY REFERENCES document_versions(id) ON DELETE CASCADE,
    state BLOB NOT NULL
  );
  CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    working_group_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    version_id TEXT NOT NULL REFERENCES document_versions(id),
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    due_date TEXT NOT NULL,
    message TEXT NOT NULL,
    state TEXT NOT NULL,
    closed_at TEXT,
    reminder_sent_at TEXT,
    UNIQUE (document_id, round)
  );
  -- The reminder sweep: open rounds not reminded yet, by due date.
  CREATE INDEX reviews_due ON reviews(due_date) WHERE state = 'open' AND reminder_sent_at IS NULL;
  CREATE TABLE review_reviewers (
    review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    verdict TEXT,
    summary TEXT,
    given_at TEXT,
    PRIMARY KEY (review_id, user_id)
  ) WITHOUT ROWID;
  CREATE TABLE publications (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version_id TEXT NOT NULL REFERENCES document_versions(id),
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL
  );
  CREATE INDEX publications_by_document ON publications(document_id, published_at DESC, id DESC);
  `,
  /* 4: workshops (plan and live state), their guests, polls, ballots, outcomes, attendance;
     notifications may name a workshop */ `
  -- Lists that are only ever read and written with their workshop (agenda, timer, hands,
  -- facilitators, documents) are JSON columns; guests have a table, for listGuestOf.
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    working_group_id TEXT NOT NULL REFERENCES working_groups(id),
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    language TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    status TEXT NOT NULL,
    facilitator_ids TEXT NOT NULL,
    document_ids TEXT NOT NULL,
    notes_document_id TEXT NOT NULL REFERENCES documents(id),
    agenda TEXT NOT NULL,
    current_item INTEGER,
    current_item_since TEXT,
    timer TEXT NOT NULL,
    hands TEXT NOT NULL,
    observers_may_vote INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT
  );
  CREATE INDEX workshops_by_group ON workshops(working_group_id, starts_at, id);
  CREATE INDEX workshops_by_status ON workshops(status, starts_at, id);
  CREATE TABLE workshop_guests (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX workshop_guests_by_user ON workshop_guests(user_id, workshop_id);
  CREATE TABLE workshop_polls (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    agenda_item_id TEXT,
    question TEXT NOT NULL,
    kind TEXT NOT NULL,
    options TEXT NOT NULL,
    anonymous INTEGER NOT NULL,
    show_live INTEGER NOT NULL,
    dots INTEGER,
    max_dots_per_option INTEGER,
    status TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closes_at TEXT,
    closed_at TEXT
  );
  CREATE INDEX workshop_polls_by_workshop ON workshop_polls(workshop_id, opened_at, id);
  -- Re-arming time limits after a restart reads the open polls only.
  CREATE INDEX workshop_polls_open ON workshop_polls(opened_at, id) WHERE status = 'open';
  -- One ballot per voter and poll: the key is what makes a ballot sent twice count once.
  CREATE TABLE workshop_ballots (
    poll_id TEXT NOT NULL REFERENCES workshop_polls(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    allocations TEXT NOT NULL,
    cast_at TEXT NOT NULL,
    PRIMARY KEY (poll_id, user_id)
  ) WITHOUT ROWID;
  CREATE TABLE workshop_outcomes (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    agenda_item_id TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    owner_id TEXT,
    due_date TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX workshop_outcomes_by_workshop ON workshop_outcomes(workshop_id, created_at, id);
  -- One row per stay (a user may join, leave and join again); no id of its own.
  CREATE TABLE workshop_attendance (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    left_at TEXT
  );
  CREATE INDEX workshop_attendance_by_workshop ON workshop_attendance(workshop_id, joined_at, user_id);
  CREATE INDEX workshop_attendance_open ON workshop_attendance(workshop_id, user_id) WHERE left_at IS NULL;
  ALTER TABLE notifications ADD COLUMN workshop_id TEXT;
  `,
  /* 5: assessment matrices' rounds and private scores (the matrix itself is in the document) */ `
  -- A round's structure (rows and criteria at reveal) is JSON: only ever read with its round.
  CREATE TABLE assessment_rounds (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    matrix_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    phase TEXT NOT NULL,
    started_at TEXT NOT NULL,
    revealed_at TEXT,
    revealed_by TEXT,
    structure TEXT,
    PRIMARY KEY (document_id, matrix_id, round)
  );
  CREATE TABLE assessment_scores (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    matrix_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    row_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    score INTEGER NOT NULL,
    rationale TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (document_id, matrix_id, round, user_id, row_id, criterion_id)
  );
  -- A scorer's own scores (every GET) without reading the others'.
  CREATE INDEX assessment_scores_by_user ON assessment_scores(document_id, matrix_id, user_id);
  `,
  /* 6: a poll opened from a foresight board names it (decision 0053); JSON, null for the rest */ `
  ALTER TABLE workshop_polls ADD COLUMN source TEXT;
  `,
  /* 7: the search index (decision 0055): derived data, never exported, rebuilt by reindexing */ `
  -- One row per entry; seq is the rowid of its row in search_fts.
  CREATE TABLE search_entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    document_id TEXT,
    thread_id TEXT,
    workshop_id TEXT,
    working_group_id TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    language TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX search_entries_by_document ON search_entries(document_id) WHERE document_id IS NOT NULL;
  CREATE INDEX search_entries_by_thread ON search_entries(thread_id) WHERE thread_id IS NOT NULL;
  CREATE INDEX search_entries_by_workshop ON search_entries(workshop_id) WHERE workshop_id IS NOT NULL;
  -- Facets with several values per entry, to filter and count them in SQL.
  CREATE TABLE search_entry_priorities (
    seq INTEGER NOT NULL REFERENCES search_entries(seq) ON DELETE CASCADE,
    priority TEXT NOT NULL,
    PRIMARY KEY (seq, priority)
  ) WITHOUT ROWID;
  CREATE TABLE search_entry_countries (
    seq INTEGER NOT NULL REFERENCES search_entries(seq) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (seq, country)
  ) WITHOUT ROWID;
  -- The folded words only (searchTokens, joined by spaces): unicode61 then splits exactly there,
  -- and remove_diacritics 0 leaves them as folded. Contentless: the original text is in
  -- search_entries, for snippets; the folded copy would only double the file.
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
  );
  `,
  /* 8: compaction fencing (scale-out): the token of the lease the snapshot was written under */ `
  ALTER TABLE document_snapshots ADD COLUMN compact_fence INTEGER NOT NULL DEFAULT 0;
  `,
  /* the append-only audit log (decision 0061); the only deletion is the retention purge */ `
  CREATE TABLE audit_entries (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    organisation_id TEXT,
    organisation_name TEXT,
    address TEXT,
    target_type TEXT,
    target_id TEXT,
    details TEXT NOT NULL
  );
  -- Newest first and the purge; then each filter with the page order behind it.
  CREATE INDEX audit_entries_by_time ON audit_entries(at, id);
  CREATE INDEX audit_entries_by_action ON audit_entries(action, at, id);
  CREATE INDEX audit_entries_by_actor ON audit_entries(actor_id, at, id) WHERE actor_id IS NOT NULL;
  CREATE INDEX audit_entries_by_organisation ON audit_entries(organisation_id, at, id) WHERE organisation_id IS NOT NULL;
  CREATE INDEX audit_entries_by_target ON audit_entries(target_id, at, id) WHERE target_id IS NOT NULL;
  `,
  /* the knowledge base (decision 0062): document tags; links between documents, derived from versions */ `
  ALTER TABLE documents ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
  -- Who links to whom: 'latest' from a document's newest version, 'published' from its published one.
  CREATE TABLE document_links (
    from_document_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    to_document_id TEXT NOT NULL,
    PRIMARY KEY (from_document_id, scope, to_document_id)
  ) WITHOUT ROWID;
  CREATE INDEX document_links_to ON document_links(to_document_id);
  -- The first paragraph of a published version, kept so that listing entries reads no content.
  CREATE TABLE knowledge_summaries (
    version_id TEXT PRIMARY KEY,
    summary TEXT NOT NULL
  );
  `,
  /* consent sign-off by partner organisations, bound to a version (decision 0065) */ `
  CREATE TABLE signatories (
    working_group_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    PRIMARY KEY (working_group_id, organisation_id)
  ) WITHOUT ROWID;
  -- The organisations asked are JSON: only ever read with their request.
  CREATE TABLE signoff_requests (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    working_group_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    message TEXT NOT NULL,
    quorum TEXT NOT NULL,
    required INTEGER NOT NULL,
    organisation_ids TEXT NOT NULL,
    withdrawn_at TEXT,
    withdrawn_by TEXT,
    lapsed_at TEXT
  );
  CREATE INDEX signoff_requests_by_document ON signoff_requests(document_id, requested_at);
  -- Append-only: one answer per organisation and request (the key), listed by rowid.
  CREATE TABLE signoff_answers (
    request_id TEXT NOT NULL REFERENCES signoff_requests(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    answer TEXT NOT NULL,
    text TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    UNIQUE (request_id, organisation_id)
  );
  `,
  /* the contribution ledger and Yjs client bindings (decision 0069) */ `
  -- Append-only; read by document and time.
  CREATE TABLE contributions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    country TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    inserted INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    suggestion_ids TEXT NOT NULL
  );
  CREATE INDEX contributions_by_document ON contributions(document_id, at);
  CREATE TABLE client_bindings (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    country TEXT NOT NULL,
    bound_at TEXT NOT NULL,
    PRIMARY KEY (document_id, client_id)
  ) WITHOUT ROWID;
  `,
  /* search index, narrow entries (issue 17, decision 0055): texts apart, facets as value ids.
     Derived data: dropped here and rebuilt at start when empty (rebuildSearchIndexIfEmpty). */ `
  DROP TABLE search_fts;
  DROP TABLE search_entry_priorities;
  DROP TABLE search_entry_countries;
  DROP TABLE search_entries;
  -- One narrow row per entry, read for every match of a query; seq is its rowid in search_fts.
  -- facets: the ids of its values in search_facet_values, as ',3,17,25,'.
  CREATE TABLE search_entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    document_id TEXT,
    thread_id TEXT,
    workshop_id TEXT,
    working_group_id TEXT NOT NULL,
    facets TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX search_entries_by_document ON search_entries(document_id) WHERE document_id IS NOT NULL;
  CREATE INDEX search_entries_by_thread ON search_entries(thread_id) WHERE thread_id IS NOT NULL;
  CREATE INDEX search_entries_by_workshop ON search_entries(workshop_id) WHERE workshop_id IS NOT NULL;
  -- The text as written, for the page's titles and snippets only.
  CREATE TABLE search_texts (
    seq INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL
  );
  -- Every facet value ever indexed; ids are only added, never reused.
  CREATE TABLE search_facet_values (
    id INTEGER PRIMARY KEY,
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (facet, value)
  );
  -- As in migration 7: the folded words only, contentless.
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
  );
  `,
  /* members held to suggestions on one document (decision 0081) */ `
  ALTER TABLE documents ADD COLUMN suggest_only_ids TEXT NOT NULL DEFAULT '[]';
  `,
];

export function migrate(db: Database): number {
  // The version is read under the write lock: of processes starting together on one file, one
  // runs each migration and the others find it done.
  const migrateOne = () => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version >= MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[version]!);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  };
  while (writeTransaction(db, migrateOne));
  return MIGRATIONS.length;
}
