import type { Editor } from '@tiptap/core';
import { DecorationSet } from '@tiptap/pm/view';
import { PRESENCE_COLORS } from '@polisee/domain';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthorship } from './attributionApi';
import {
  authorshipDecorations,
  authorshipKey,
  type AuthorshipColours,
} from './authorshipHighlights';
import './attribution.css';

/** Recomputed this long after the last change, not per keystroke. */
const DEBOUNCE_MS = 400;

/**
 * The "Authorship" toggle and its legend (decision 0069): colours the text by the organisation
 * that wrote it, with each organisation's country and share of the text.
 */
export function AuthorshipToggle({ editor, documentId }: { editor: Editor; documentId: string }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const authorship = useAuthorship(documentId, on);
  const [shares, setShares] = useState<Map<string, number>>(new Map());

  const colours: AuthorshipColours = useMemo(() => {
    const byOrg = new Map(authorship.data?.organisations.map((o) => [o.organisationId, o]));
    const map = new Map<number, { colour: string; organisationId: string }>();
    for (const c of authorship.data?.clients ?? []) {
      const org = byOrg.get(c.organisationId);
      if (org)
        map.set(c.clientId, {
          colour: PRESENCE_COLORS[org.colourIndex]!,
          organisationId: org.organisationId,
        });
    }
    return map;
  }, [authorship.data]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    if (!on) {
      editor.view.dispatch(editor.state.tr.setMeta(authorshipKey, DecorationSet.empty));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recompute = () => {
      timer = null;
      if (editor.isDestroyed) return;
      const { set, characters } = authorshipDecorations(editor.state, colours);
      editor.view.dispatch(editor.state.tr.setMeta(authorshipKey, set));
      setShares(characters);
    };
    const schedule = () => {
      timer ??= setTimeout(recompute, DEBOUNCE_MS);
    };
    recompute();
    editor.on('update', schedule);
    return () => {
      editor.off('update', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor, on, colours]);

  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  return (
    <section className="authorship-view" aria-label={t('attribution.authorship.title')}>
      <button
        type="button"
        className="button button-quiet authorship-toggle"
        aria-pressed={on}
        onClick={() => setOn((v) => !v)}
      >
        {t('attribution.authorship.toggle')}
      </button>
      {on && (
        <ul className="authorship-legend" aria-label={t('attribution.authorship.legend')}>
          {authorship.data?.organisations.map((o) => (
            <li key={o.organisationId} data-organisation={o.organisationId}>
              <span
                className="authorship-swatch"
                aria-hidden="true"
                style={{ backgroundColor: PRESENCE_COLORS[o.colourIndex] }}
              />
              {t('attribution.authorship.entry', {
                organisation: o.name,
                country: o.country,
                share:
                  total > 0 ? Math.round(((shares.get(o.organisationId) ?? 0) * 100) / total) : 0,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
