import { EmailSchema, MembershipRoleSchema } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useCreateInvitation } from '../../api/invitations';
import { useOrganisations, useWorkingGroups } from '../../api/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FieldError } from '../../ui/FieldError';
import { InvitationLink } from './InvitationLink';
import { GroupRoleFields } from './GroupRoleFields';

export function InviteForm() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const groups = useWorkingGroups();
  const invite = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [workingGroupId, setWorkingGroupId] = useState('');
  const [role, setRole] = useState('wg_member');
  const [isAdmin, setIsAdmin] = useState(false);
  const [errors, setErrors] = useState<{ email?: string; organisationId?: string }>({});
  const [link, setLink] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsedEmail = EmailSchema.safeParse(email);
    const found = {
      email: parsedEmail.success ? undefined : t('forms.invalidEmail'),
      organisationId: organisationId ? undefined : t('forms.required'),
    };
    setErrors(found);
    const parsedRole = MembershipRoleSchema.safeParse(role);
    if (!parsedEmail.success || !organisationId || !parsedRole.success) return;
    setLink(null);
    invite.mutate(
      {
        email: parsedEmail.data,
        organisationId,
        isAdmin,
        ...(workingGroupId ? { membership: { workingGroupId, role: parsedRole.data } } : {}),
      },
      {
        onSuccess: (result) => {
          // The token exists only in this link: the server keeps a hash and shows it this once.
          setLink(window.location.origin + result.acceptPath);
          setEmail('');
          setIsAdmin(false);
        },
      },
    );
  }

  const serverErrors = isApiError(invite.error) ? invite.error.fieldErrors() : {};
  const emailError = errors.email ?? serverErrors.email;
  const organisationError = errors.organisationId ?? serverErrors.organisationId;

  return (
    <section className="card admin-card" aria-labelledby="invite-form-title">
      <h2 id="invite-form-title">{t('admin.invite.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="invite-email">{t('auth.fields.email')}</label>
          <input
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy(emailError && 'invite-email-error')}
            onChange={(e) => setEmail(e.target.value)}
          />
          <FieldError id="invite-email-error" message={emailError} />
        </div>
        <div className="field">
          <label htmlFor="invite-organisation">{t('fields.organisation')}</label>
          <select
            id="invite-organisation"
            name="organisationId"
            value={organisationId}
            aria-invalid={organisationError ? true : undefined}
            aria-describedby={describedBy(organisationError && 'invite-organisation-error')}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            <option value="">{t('admin.chooseOrganisation')}</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <FieldError id="invite-organisation-error" message={organisationError} />
        </div>
        <GroupRoleFields
          idPrefix="invite"
          groups={groups.data ?? []}
          groupLabel={t('admin.invite.workingGroup')}
          emptyGroupLabel={t('admin.invite.noGroup')}
          workingGroupId={workingGroupId}
          onWorkingGroupChange={setWorkingGroupId}
          role={role}
          onRoleChange={setRole}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            name="isAdmin"
            checked={isAdmin}
            onChange={(e) => setIsAdmin(e.target.checked)}
          />
          <span>{t('admin.invite.isAdmin')}</span>
        </label>
        <ErrorAlert error={invite.error} context={t('admin.invite.failed')} />
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          {t('admin.invite.submit')}
        </button>
      </form>
      {link ? <InvitationLink link={link} /> : null}
    </section>
  );
}
