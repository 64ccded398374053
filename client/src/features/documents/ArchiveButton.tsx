import type { PoliDocument } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { useSetArchived } from '../../api/documents';
import { useUiStore } from '../../stores/ui';
import { useErrorMessage } from '../../ui/ErrorAlert';

interface ArchiveButtonProps {
  document: PoliDocument;
  onChanged: () => void;
}

/** Archive or restore in one click: both are reversible, so there is no confirmation step. */
export function ArchiveButton({ document, onChanged }: ArchiveButtonProps) {
  const { t } = useTranslation();
  const setArchived = useSetArchived(document.id);
  const announce = useUiStore((s) => s.announce);
  const errorMessage = useErrorMessage();
  const archived = document.status === 'archived';

  function toggle() {
    setArchived.mutate(!archived, {
      onSuccess: () => {
        announce(archived ? t('documents.unarchived') : t('documents.archived'));
        onChanged();
      },
    });
  }

  return (
    <>
      <button type="button" className="button" onClick={toggle} disabled={setArchived.isPending}>
        {archived ? t('documents.unarchive') : t('documents.archive')}
      </button>
      {setArchived.error ? (
        <p className="field-error" role="alert">
          {errorMessage(setArchived.error)}
        </p>
      ) : null}
    </>
  );
}
