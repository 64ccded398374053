import { MEMBERSHIP_ROLES } from '@polisee/domain';
import { useTranslation } from 'react-i18next';

interface GroupRoleFieldsProps {
  /** Prefix for the element ids, so two forms on one page never share an id. */
  idPrefix: string;
  groups: { id: string; name: string }[];
  workingGroupId: string;
  onWorkingGroupChange: (id: string) => void;
  role: string;
  onRoleChange: (role: string) => void;
  groupLabel: string;
  /** Text of the empty choice: "no group" when optional, "choose a group" when required. */
  emptyGroupLabel: string;
  required?: boolean;
}

/** A working group and a role in it: the pair the invitation and membership forms both ask for. */
export function GroupRoleFields(props: GroupRoleFieldsProps) {
  const { t } = useTranslation();
  const { idPrefix, groups, workingGroupId, role, required = false } = props;
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={`${idPrefix}-group`}>{props.groupLabel}</label>
        <select
          id={`${idPrefix}-group`}
          name="workingGroupId"
          value={workingGroupId}
          required={required}
          onChange={(e) => props.onWorkingGroupChange(e.target.value)}
        >
          <option value="">{props.emptyGroupLabel}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>{t('fields.role')}</label>
        <select
          id={`${idPrefix}-role`}
          name="role"
          value={role}
          disabled={!required && !workingGroupId}
          onChange={(e) => props.onRoleChange(e.target.value)}
        >
          {MEMBERSHIP_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
