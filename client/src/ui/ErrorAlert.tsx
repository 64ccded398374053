import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/ApiError';

interface ErrorAlertProps {
  error: unknown;
  /** A sentence saying what failed, already translated ("The document could not be saved."). */
  context?: string;
}

/** The translated message for an error's stable code; the server's own message is never relied on. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    const code = isApiError(error) ? error.code : 'unexpected_response';
    return t(`errors.codes.${code}`);
  };
}

export function ErrorAlert({ error, context }: ErrorAlertProps) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {context ? <p className="alert-title">{context}</p> : null}
      <p>{message(error)}</p>
    </div>
  );
}
