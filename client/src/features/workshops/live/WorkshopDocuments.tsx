import type { DocumentPlace, WorkshopView } from '@polisee/contracts';
import { presenceIdentity } from '@polisee/domain';
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../../api/auth';
import { useDocument } from '../../../api/documents';
import { canComment, mustSuggest, readOnlyReason } from '../../../permissions/permissions';
import { useWorkshopLive } from '../../../stores/workshopLive';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { LiveDocument } from '../../documents/LiveDocument';
import { useGoToPlace, usePlaceReporting } from './usePlaceNavigation';

interface WorkshopDocumentsProps {
  workshop: WorkshopView;
  /** Facilitators' pages send their place to followers; null for everyone else. */
  sendPlace: ((place: DocumentPlace) => void) | null;
}

/** The document a workshop opens on: the current item's section, else the first linked one. */
function firstDocumentOf(workshop: WorkshopView): string {
  const current = workshop.currentItem === null ? null : workshop.agenda[workshop.currentItem];
  return (
    current?.section?.documentId ??
    workshop.documentIds.find((id) => id !== workshop.notesDocumentId) ??
    workshop.notesDocumentId
  );
}

/**
 * The workshop's linked documents and its notes, one at a time in the live editor. Loaded on
 * demand with the editor bundle. The view moves to places asked for (summon, follow, agenda),
 * switching documents when the place is in another one.
 */
export function WorkshopDocuments({ workshop, sendPlace }: WorkshopDocumentsProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const documentIds = useMemo(
    () =>
      workshop.documentIds.includes(workshop.notesDocumentId)
        ? workshop.documentIds
        : [...workshop.documentIds, workshop.notesDocumentId],
    [workshop.documentIds, workshop.notesDocumentId],
  );
  const [shown, setShown] = useState(() => firstDocumentOf(workshop));
  const request = useWorkshopLive((s) => s.placeRequest);
  const done = useRef<number | null>(null);

  // A place in another linked document switches to it first; the scroll follows once it loads.
  useEffect(() => {
    if (request && documentIds.includes(request.place.documentId))
      setShown(request.place.documentId);
  }, [request, documentIds]);

  return (
    <section className="card workshop-documents" aria-labelledby={`${selectId}-title`}>
      <div className="section-header workshop-documents-header">
        <h2 id={`${selectId}-title`}>{t('workshopLive.documents.title')}</h2>
        <div className="field field-inline">
          <label htmlFor={selectId}>{t('workshopLive.documents.shown')}</label>
          <select
            id={selectId}
            data-testid="workshop-document-select"
            value={shown}
            onChange={(e) => setShown(e.target.value)}
          >
            {documentIds.map((id) => (
              <DocumentOption key={id} documentId={id} notes={id === workshop.notesDocumentId} />
            ))}
          </select>
        </div>
      </div>
      <ShownDocument key={shown} documentId={shown} sendPlace={sendPlace} done={done} />
    </section>
  );
}

function DocumentOption({ documentId, notes }: { documentId: string; notes: boolean }) {
  const { t } = useTranslation();
  const document = useDocument(documentId);
  const title = document.data?.title ?? t('workshopLive.documents.loading');
  return (
    <option value={documentId}>
      {notes ? t('workshopLive.documents.notes', { title }) : title}
    </option>
  );
}

const READ_ONLY_NOTE_ID = 'workshop-document-read-only-note';

function ShownDocument({
  documentId,
  sendPlace,
  done,
}: {
  documentId: string;
  sendPlace: ((place: DocumentPlace) => void) | null;
  /** The last place request already carried out, whichever document it was in. */
  done: RefObject<number | null>;
}) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const document = useDocument(documentId);
  const editor = useWorkshopLive((s) => s.editor);
  const setEditor = useWorkshopLive((s) => s.setEditor);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const { id: userId, name } = session.user;
  const organisation = session.organisation.name;
  const identity = useMemo(
    () => presenceIdentity({ id: userId, name }, { name: organisation }),
    [userId, name, organisation],
  );
  useGoToPlace(editor, documentId, container, done);
  usePlaceReporting(editor, documentId, sendPlace);

  if (document.isPending) return <Loading />;
  if (document.isError)
    return <ErrorAlert error={document.error} context={t('workshopLive.documents.loadFailed')} />;
  // As on the document page: a guest or STC member suggests on a draft (decision 0063).
  const suggestOnly = mustSuggest(session, document.data);
  const readOnly = suggestOnly ? null : readOnlyReason(session, document.data);

  return (
    <div ref={setContainer} data-testid="workshop-document" data-document-id={documentId}>
      {readOnly ? (
        <p id={READ_ONLY_NOTE_ID} className="read-only-note">
          {readOnly === 'archived' ? t('collab.readOnly.archived') : t('collab.readOnly.role')}
        </p>
      ) : null}
      <LiveDocument
        document={document.data}
        identity={identity}
        readOnly={readOnly !== null}
        readOnlyNoteId={readOnly ? READ_ONLY_NOTE_ID : undefined}
        mayComment={canComment(session, document.data)}
        onEditor={setEditor}
        suggestOnly={suggestOnly}
      />
    </div>
  );
}
