import { MAX_SECTION_LINKS, type SectionLinkData } from '@polisee/editor-schema';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PoliDocument } from '@polisee/domain';
import { useQuery } from '@tanstack/react-query';
import { useDocument } from '../../../api/documents';
import { api } from '../../../api/http';
import { queryKeys } from '../../../api/queryKeys';
import { useDocumentSections } from '../../../api/workshops';
import { useWorkshopLive } from '../../../stores/workshopLive';
import { RemoveButton } from '../matrix/AssessmentMatrixView';
import { useBoardDocument, useBoardWorkshop } from './boardContext';
import { addSectionLink, readSectionLinks, removeSectionLink } from './sectionLinks';
import { sectionPath, useLinkedSection } from './sectionQueries';

interface SectionLinksProps {
  /** The scenario's `sectionLinks` attribute (a JSON list). */
  value: unknown;
  /** The scenario's name as shown, for accessible names. */
  name: string;
  editable: boolean;
  onChange: (value: string) => void;
}

/**
 * A scenario's links to sections of a plan (decision 0053): each shows its heading as the
 * document reads now, found through its anchor, and opens the document there. Editors add a
 * link by choosing a document of the group (or of the workshop) and one of its headings.
 */
export function SectionLinks({ value, name, editable, onChange }: SectionLinksProps) {
  const { t } = useTranslation();
  const links = readSectionLinks(value);
  const [adding, setAdding] = useState(false);

  return (
    <div className="foresight-links" data-testid="scenario-links">
      {links.length === 0 ? (
        <p className="muted">{t('foresight.links.none')}</p>
      ) : (
        <ul aria-label={t('foresight.links.listLabel', { name })}>
          {links.map((link) => (
            <SectionLinkItem
              key={`${link.documentId}:${link.anchor}`}
              link={link}
              onRemove={editable ? () => onChange(removeSectionLink(value, link)) : null}
            />
          ))}
        </ul>
      )}
      {editable && !adding ? (
        <button
          type="button"
          className="button button-quiet block-add"
          onClick={() => setAdding(true)}
          disabled={links.length >= MAX_SECTION_LINKS}
        >
          {t('foresight.links.add')}
        </button>
      ) : null}
      {editable && links.length >= MAX_SECTION_LINKS ? (
        <p className="muted">{t('foresight.links.full', { count: MAX_SECTION_LINKS })}</p>
      ) : null}
      {editable && adding ? (
        <AddSectionLink
          links={links}
          onCancel={() => setAdding(false)}
          onAdd={(link) => {
            const next = addSectionLink(value, link);
            if (next !== null) onChange(next);
            setAdding(false);
          }}
        />
      ) : null}
    </div>
  );
}

function SectionLinkItem({
  link,
  onRemove,
}: {
  link: SectionLinkData;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const section = useLinkedSection(link);
  const document = useDocument(link.documentId);
  const workshop = useBoardWorkshop();
  const heading = section.isPending
    ? t('foresight.links.resolving')
    : section.isError
      ? t('foresight.links.unavailable')
      : section.data === null
        ? t('foresight.links.deleted')
        : section.data.heading;
  const gone = !section.isPending && (section.isError || section.data === null);
  const title = document.data?.title;
  // On a workshop's page, a section of one of its documents opens beside the session.
  const inWorkshop = workshop?.workshop.documentIds.includes(link.documentId) ?? false;

  return (
    <li className="foresight-link" data-testid="scenario-link" data-gone={gone || undefined}>
      {gone ? (
        <span className="muted">{heading}</span>
      ) : inWorkshop ? (
        <button
          type="button"
          className="button button-quiet foresight-link-go"
          onClick={() =>
            useWorkshopLive
              .getState()
              .requestPlace({ documentId: link.documentId, anchor: link.anchor }, 'agenda')
          }
        >
          {heading}
        </button>
      ) : (
        <Link to={sectionPath(link)}>{heading}</Link>
      )}
      {title ? <span className="muted"> {t('foresight.links.inDocument', { title })}</span> : null}
      {onRemove ? (
        <RemoveButton label={t('foresight.links.remove', { heading })} onClick={onRemove} />
      ) : null}
    </li>
  );
}

/** The documents a link may point into: the workshop's on its page, else the group's. */
function useLinkableDocuments(): { id: string; title: string }[] {
  const board = useBoardDocument();
  const workshop = useBoardWorkshop();
  const filter = { workingGroupId: board?.workingGroupId ?? '' };
  // The catalogue's own query (same key), asked only outside a workshop.
  const group = useQuery({
    queryKey: queryKeys.documents.list(filter),
    queryFn: ({ signal }) =>
      api.get<{ items: PoliDocument[] }>('/documents', { ...filter }, signal),
    select: (data) => data.items,
    enabled: board !== null && workshop === null,
  });
  if (workshop) return workshop.workshop.documentIds.map((id) => ({ id, title: '' }));
  return (group.data ?? []).map((d) => ({ id: d.id, title: d.title }));
}

function AddSectionLink({
  links,
  onAdd,
  onCancel,
}: {
  links: SectionLinkData[];
  onAdd: (link: SectionLinkData) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const documents = useLinkableDocuments();
  const [documentId, setDocumentId] = useState('');
  const [anchor, setAnchor] = useState('');
  const sections = useDocumentSections(documentId || null);
  const already = links.some((l) => l.documentId === documentId && l.anchor === anchor);

  return (
    <div className="foresight-link-form" role="group" aria-label={t('foresight.links.add')}>
      <label className="block-field" htmlFor={`${id}-document`}>
        <span>{t('foresight.links.document')}</span>
      </label>
      <select
        id={`${id}-document`}
        className="block-select"
        value={documentId}
        onChange={(event) => {
          setDocumentId(event.target.value);
          setAnchor('');
        }}
      >
        <option value="">{t('foresight.links.chooseDocument')}</option>
        {documents.map((d) => (
          <DocumentOption key={d.id} id={d.id} title={d.title} />
        ))}
      </select>
      <label className="block-field" htmlFor={`${id}-section`}>
        <span>{t('foresight.links.section')}</span>
      </label>
      <select
        id={`${id}-section`}
        className="block-select"
        value={anchor}
        disabled={!documentId || !sections.data || sections.data.length === 0}
        onChange={(event) => setAnchor(event.target.value)}
      >
        <option value="">
          {!documentId
            ? t('foresight.links.chooseSection')
            : sections.isPending
              ? t('foresight.links.loading')
              : sections.isError
                ? t('foresight.links.failed')
                : sections.data.length === 0
                  ? t('foresight.links.noHeadings')
                  : t('foresight.links.chooseSection')}
        </option>
        {(sections.data ?? []).map((s) => (
          <option key={s.anchor} value={s.anchor}>
            {'\u2003'.repeat(Math.max(0, s.level - 1)) + s.heading}
          </option>
        ))}
      </select>
      {already ? <p className="muted">{t('foresight.links.already')}</p> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={!documentId || !anchor || already}
          onClick={() => onAdd({ documentId, anchor })}
        >
          {t('foresight.links.confirm')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('foresight.links.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A document's title, read by id where the list did not carry it (the workshop's documents). */
function DocumentOption({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const document = useDocument(id);
  return (
    <option value={id}>{title || document.data?.title || t('foresight.links.resolving')}</option>
  );
}
