import { useTranslation } from 'react-i18next';

/**
 * The server closed the connection over a change that was not a suggestion (decision 0063):
 * said at once (role="alert"), since the text stopped taking edits under the user's hands, with
 * the way back. Reconnecting opens a new session from the shared text; the refused change is
 * already gone from this device (see CollabSession).
 */
export function SuggestionsOnlyAlert({ onReconnect }: { onReconnect: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert" data-testid="suggestions-only-alert">
      <p>{t('suggestions.closed.alert')}</p>
      <p>
        <button type="button" className="button" onClick={onReconnect}>
          {t('suggestions.closed.reconnect')}
        </button>
      </p>
    </div>
  );
}
