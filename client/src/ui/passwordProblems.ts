import {
  PASSWORD_POLICY,
  passwordLength,
  PasswordWeaknessSchema,
  type PasswordWeakness,
} from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/ApiError';

/**
 * The translated messages of the password policy, for every form that sets a password. The
 * server is the authority (it knows the common-password lists); the form checks only the length
 * before sending, and otherwise shows the server's reason, in the reader's language.
 */
export function usePasswordProblems() {
  const { t } = useTranslation();
  const message = (reason: PasswordWeakness) =>
    t(`errors.passwordWeaknesses.${reason}`, { min: PASSWORD_POLICY.minLength });
  return {
    hint: t('forms.passwordHint', { min: PASSWORD_POLICY.minLength }),
    /** What is wrong before asking the server, or undefined. */
    check(password: string): string | undefined {
      if (passwordLength(password) < PASSWORD_POLICY.minLength) return message('too_short');
      if (password.length > PASSWORD_POLICY.maxLength)
        return t('forms.tooLong', { max: PASSWORD_POLICY.maxLength });
      return undefined;
    },
    /** Why the server refused the password, when that is what it said. */
    fromError(error: unknown): string | undefined {
      if (!isApiError(error, 'password_too_weak')) return undefined;
      const reason = PasswordWeaknessSchema.safeParse(error.reason);
      return reason.success ? message(reason.data) : t('errors.codes.password_too_weak');
    },
  };
}
