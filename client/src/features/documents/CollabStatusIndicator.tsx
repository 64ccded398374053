import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys';
import type { CollabCloseReason } from '../../collab/closeReason';
import type { CollabStatus } from '../../collab/collabStatus';

interface CollabStatusIndicatorProps {
  status: CollabStatus;
  unsyncedCount: number;
  closeReason: CollabCloseReason | null;
}

/**
 * Connection and saving state, read out politely when it changes. `data-state` is the stable
 * hook for browser tests (connected | saving | saved | notSaved | offline | connecting | closed).
 */
export function CollabStatusIndicator({
  status,
  unsyncedCount,
  closeReason,
}: CollabStatusIndicatorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  let message: string;
  switch (status) {
    case 'connecting':
      message = t('collab.status.connecting');
      break;
    case 'connected':
      message = t('collab.status.connected');
      break;
    case 'saving':
      message = t('collab.status.saving');
      break;
    case 'saved':
      message = t('collab.status.saved');
      break;
    case 'notSaved':
      message = t('collab.status.notSaved');
      break;
    case 'offline':
      message =
        unsyncedCount > 0
          ? t('collab.status.offline', { count: unsyncedCount })
          : t('collab.status.offlineNoChanges');
      break;
    case 'closed':
      message = closedMessage(closeReason);
      if (unsyncedCount > 0)
        message += ' ' + t('collab.status.keptOnDevice', { count: unsyncedCount });
      break;
  }

  function closedMessage(reason: CollabCloseReason | null): string {
    switch (reason) {
      case 'unauthorized':
        return t('collab.status.unauthorized');
      case 'forbidden':
        return t('collab.status.forbidden');
      case 'notFound':
        return t('collab.status.notFound');
      case 'rejected':
        return t('collab.status.rejected');
      case 'tooLarge':
        return t('collab.status.tooLarge');
      case 'suggestionsOnly':
        return t('suggestions.closed.status');
      default:
        return t('collab.status.unavailable');
    }
  }

  return (
    <div className="collab-status-wrap">
      <p
        data-testid="collab-status"
        data-state={status}
        data-unsynced={unsyncedCount}
        className={`collab-status collab-status-${status}`}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        <span className="collab-status-dot" aria-hidden="true" />
        <span>{message}</span>
      </p>
      {closeReason === 'unauthorized' ? (
        // Re-asking the server for the session sends a signed-out user to the login page,
        // which brings them back here afterwards; their changes wait on this device.
        <button
          type="button"
          className="button"
          onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.session })}
        >
          {t('collab.status.signInAgain')}
        </button>
      ) : null}
    </div>
  );
}
