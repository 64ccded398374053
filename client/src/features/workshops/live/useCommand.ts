import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../realtime/useWorkshopSession';
import { useUiStore } from '../../../stores/ui';

/**
 * The message for a refused live command: the workshop's own codes first (`workshop_not_live`,
 * `ballot_over_limit`, …), then the shared ones (`forbidden`, `network_error`, …).
 */
export function useWorkshopErrorMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (code: string) => {
      if (i18n.exists(`workshopLive.errors.${code}`)) return t(`workshopLive.errors.${code}`);
      if (i18n.exists(`errors.codes.${code}`)) return t(`errors.codes.${code}`);
      return t('errors.codes.unexpected_response');
    },
    [t, i18n],
  );
}

/**
 * Runs a live command and keeps the message of its last failure for an alert beside the control
 * (a refused command reaches no one else, so only this control says so). `done`, if given, is
 * read out politely on success.
 */
export function useCommand() {
  const message = useWorkshopErrorMessage();
  const announce = useUiStore((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const run = useCallback(
    async <R extends CommandResult>(command: () => Promise<R>, done?: string): Promise<R> => {
      setPending(true);
      const result = await command();
      setPending(false);
      if (result.ok) {
        setError(null);
        if (done) announce(done);
      } else {
        setError(message(result.error));
      }
      return result;
    },
    [message, announce],
  );

  return { run, error, pending, clearError: () => setError(null) };
}
