import { MembershipRoleSchema } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useRemoveMembership,
  useSetMembership,
  useUsers,
  useWorkingGroupMembers,
  useWorkingGroups,
} from '../../api/workspace';
import { useUiStore } from '../../stores/ui';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { GroupRoleFields } from './GroupRoleFields';

/** Give a user a role in a working group, change it, or take the membership away. */
export function MembershipForm() {
  const { t } = useTranslation();
  const users = useUsers();
  const groups = useWorkingGroups();
  const setMembership = useSetMembership();
  const removeMembership = useRemoveMembership();
  const announce = useUiStore((s) => s.announce);
  const [userId, setUserId] = useState('');
  const [workingGroupId, setWorkingGroupId] = useState('');
  const [role, setRole] = useState('wg_member');
  const members = useWorkingGroupMembers(workingGroupId || undefined);

  const current = members.data?.find((m) => m.user.id === userId);
  const ready = userId !== '' && workingGroupId !== '';
  const userName = users.data?.find((u) => u.id === userId)?.name ?? '';
  const groupName = groups.data?.find((g) => g.id === workingGroupId)?.name ?? '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsedRole = MembershipRoleSchema.safeParse(role);
    if (!ready || !parsedRole.success) return;
    removeMembership.reset();
    setMembership.mutate(
      { userId, workingGroupId, role: parsedRole.data },
      {
        onSuccess: () =>
          announce(t('admin.membership.saved', { user: userName, group: groupName })),
      },
    );
  }

  function remove() {
    if (!ready) return;
    setMembership.reset();
    removeMembership.mutate(
      { userId, workingGroupId },
      {
        onSuccess: () =>
          announce(t('admin.membership.removed', { user: userName, group: groupName })),
      },
    );
  }

  return (
    <section className="card admin-card" aria-labelledby="membership-form-title">
      <h2 id="membership-form-title">{t('admin.membership.title')}</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="membership-user">{t('admin.membership.user')}</label>
          <select
            id="membership-user"
            name="userId"
            value={userId}
            required
            onChange={(e) => setUserId(e.target.value)}
          >
            <option value="">{t('admin.membership.chooseUser')}</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </div>
        <GroupRoleFields
          idPrefix="membership"
          groups={groups.data ?? []}
          groupLabel={t('fields.workingGroup')}
          emptyGroupLabel={t('createDocument.chooseGroup')}
          workingGroupId={workingGroupId}
          onWorkingGroupChange={setWorkingGroupId}
          role={role}
          onRoleChange={setRole}
          required
        />
        {ready ? (
          <p className="field-hint" role="status">
            {current
              ? t('admin.membership.currentRole', { role: t(`roles.${current.role}`) })
              : members.isPending
                ? t('common.loading')
                : t('admin.membership.notMember')}
          </p>
        ) : null}
        <ErrorAlert
          error={setMembership.error ?? removeMembership.error}
          context={t('admin.membership.failed')}
        />
        <div className="button-row">
          <button
            type="submit"
            className="button button-primary"
            disabled={!ready || setMembership.isPending}
          >
            {t('admin.membership.submit')}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={!ready || !current || removeMembership.isPending}
            onClick={remove}
          >
            {t('admin.membership.remove')}
          </button>
        </div>
      </form>
    </section>
  );
}
