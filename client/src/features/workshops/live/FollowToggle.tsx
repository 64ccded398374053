import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkshopLive } from '../../../stores/workshopLive';

/**
 * "Follow the facilitator": while on, this view moves wherever a facilitator goes. Turning it on
 * goes to where they were last seen at once.
 */
export function FollowToggle() {
  const { t } = useTranslation();
  const id = useId();
  const follow = useWorkshopLive((s) => s.follow);

  return (
    <div className="card workshop-panel workshop-follow">
      <div className="field-checkbox">
        <input
          id={id}
          type="checkbox"
          data-testid="follow-toggle"
          checked={follow}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const live = useWorkshopLive.getState();
            live.setFollow(e.target.checked);
            if (e.target.checked && live.facilitatorPlace)
              live.requestPlace(live.facilitatorPlace, 'follow');
          }}
        />
        <label htmlFor={id}>{t('workshopLive.follow.label')}</label>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {t('workshopLive.follow.hint')}
      </p>
    </div>
  );
}
