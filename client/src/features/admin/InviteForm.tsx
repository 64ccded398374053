import { CreateInvitationRequestSchema, type CreateInvitationRequest } from '@polisee/contracts';
import { MembershipRoleSchema } from '@polisee/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useCreateInvitation } from '../../api/invitations';
import { useOrganisations, useWorkingGroups } from '../../api/workspace';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { InvitationLink } from './InvitationLink';
import { GroupRoleFields } from './GroupRoleFields';

/** The form is flat (a group and a role side by side); the contract nests them as `membership`. */
const InviteFormSchema = z
  .object({
    email: CreateInvitationRequestSchema.shape.email,
    organisationId: CreateInvitationRequestSchema.shape.organisationId,
    isAdmin: z.boolean(),
    workingGroupId: z.string(),
    role: MembershipRoleSchema,
  })
  .transform(({ workingGroupId, role, ...rest }): CreateInvitationRequest =>
    workingGroupId ? { ...rest, membership: { workingGroupId, role } } : rest,
  );
type InviteFormValues = z.input<typeof InviteFormSchema>;
const INVITE_FIELDS = ['email', 'organisationId', 'workingGroupId', 'role'] as const;
const resolver = contractResolver(InviteFormSchema);

export function InviteForm() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const groups = useWorkingGroups();
  const invite = useCreateInvitation();
  const fieldError = useFieldErrorMessage();
  const [link, setLink] = useState<string | null>(null);
  const form = useForm<InviteFormValues, unknown, z.output<typeof InviteFormSchema>>({
    resolver,
    defaultValues: {
      email: '',
      organisationId: '',
      isAdmin: false,
      workingGroupId: '',
      role: 'wg_member',
    },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((request) => {
    setLink(null);
    invite.mutate(request, {
      onSuccess: (result) => {
        // The token exists only in this link: the server keeps a hash and shows it this once.
        setLink(window.location.origin + result.acceptPath);
        form.reset({ ...form.getValues(), email: '', isAdmin: false });
      },
      onError: (error) => showServerFieldErrors(error, INVITE_FIELDS, form.setError),
    });
  });

  return (
    <section className="card admin-card" aria-labelledby="invite-form-title">
      <h2 id="invite-form-title">{t('admin.invite.title')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="invite-email"
          label={t('auth.fields.email')}
          type="email"
          autoComplete="off"
          error={fieldError(errors.email, { invalid_format: 'forms.invalidEmail' })}
          {...form.register('email')}
        />
        <SelectField
          id="invite-organisation"
          label={t('fields.organisation')}
          error={fieldError(errors.organisationId)}
          {...form.register('organisationId')}
        >
          <option value="">{t('admin.chooseOrganisation')}</option>
          {(organisations.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <GroupRoleFields
          idPrefix="invite"
          groups={groups.data ?? []}
          groupLabel={t('admin.invite.workingGroup')}
          emptyGroupLabel={t('admin.invite.noGroup')}
          workingGroupId={form.watch('workingGroupId')}
          onWorkingGroupChange={(id) => form.setValue('workingGroupId', id)}
          role={form.watch('role')}
          onRoleChange={(role) => form.setValue('role', role as InviteFormValues['role'])}
        />
        <label className="checkbox">
          <input type="checkbox" {...form.register('isAdmin')} />
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
