import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationColor, type SuggestionAuthor } from '../../editor/suggestions/authors';
import type { PendingSuggestion } from '../../editor/suggestions/pendingSuggestions';
import type { Verdict } from '../../editor/suggestions/settleSuggestions';
import { useFormat } from '../../i18n/format';

/** Long suggested text is cut in the card: the document holds all of it. */
const QUOTE_CHARS = 120;
const cut = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);

interface SuggestionCardProps {
  suggestion: PendingSuggestion;
  author: SuggestionAuthor | undefined;
  mayAccept: boolean;
  mayReply: boolean;
  onSettle: (verdict: Verdict) => void;
  onReply: () => void;
  onShowText: () => void;
}

/** One pending suggestion beside the document: who, from where, when, what; settle or discuss it. */
export function SuggestionCard({
  suggestion,
  author,
  mayAccept,
  mayReply,
  onSettle,
  onReply,
  onShowText,
}: SuggestionCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = author?.name ?? t('suggestions.someone');
  const headingId = `suggestion-${suggestion.key.replace(/[^\w-]/g, '_')}-title`;
  const what = suggestion.paragraphBreak
    ? t('suggestions.card.paragraphBreak')
    : t(`suggestions.card.${suggestion.kind}`, {
        inserted: cut(suggestion.inserted),
        deleted: cut(suggestion.deleted),
      });

  return (
    <article
      className="thread-card suggestion-card"
      aria-labelledby={headingId}
      data-testid="suggestion-card"
      data-suggestion-id={suggestion.id}
      data-kind={suggestion.kind}
      style={{ '--suggestion-color': organisationColor(author) } as CSSProperties}
    >
      <header className="thread-header">
        <h3 id={headingId} className="thread-title">
          {t('suggestions.cardLabel', { name })}
        </h3>
      </header>
      <p className="muted">
        {author?.organisation ? <>{author.organisation}</> : null}
        {author?.organisation && suggestion.createdAt ? ' · ' : null}
        {suggestion.createdAt ? (
          <time dateTime={suggestion.createdAt}>{format.dateTime(suggestion.createdAt)}</time>
        ) : null}
      </p>
      <p className="suggestion-card-text">
        <button
          type="button"
          className="quote-button"
          onClick={onShowText}
          title={t('suggestions.showText')}
        >
          {what}
        </button>
      </p>
      <div className="suggestion-actions">
        {mayAccept ? (
          <>
            <button
              type="button"
              className="button button-primary"
              data-testid="suggestion-card-accept"
              onClick={() => onSettle('accept')}
            >
              {t('suggestions.accept')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="suggestion-card-reject"
              onClick={() => onSettle('reject')}
            >
              {t('suggestions.reject')}
            </button>
          </>
        ) : null}
        {mayReply ? (
          <button
            type="button"
            className="button button-quiet"
            data-testid="suggestion-card-reply"
            onClick={onReply}
          >
            {t('suggestions.reply')}
          </button>
        ) : null}
      </div>
    </article>
  );
}
