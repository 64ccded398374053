import type { WorkshopView } from '@polisee/contracts';
import { WORKSHOP_LIMITS } from '@polisee/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import { useWorkshopLive } from '../../../stores/workshopLive';
import { prefersReducedMotion } from '../../../ui/motion';
import { playChime, unlockAudio } from './chime';
import { CommandError } from './CommandError';
import { countdownAt, formatCountdown } from './countdown';
import { useCommand } from './useCommand';
import { useNow } from './useNow';

interface SharedTimerProps {
  workshop: WorkshopView;
  session: WorkshopSession;
  facilitates: boolean;
}

/**
 * The countdown everyone sees, computed from the server's timer state and this client's clock
 * offset. At zero: a visible cue (still when reduced motion is asked for), a polite
 * announcement, and a chime if the reader turned sound on here.
 */
export function SharedTimer({ workshop, session, facilitates }: SharedTimerProps) {
  const { t } = useTranslation();
  const id = useId();
  const { timer } = workshop;
  const now = useNow(timer.runningSince !== null);
  const { state, remainingMs } = countdownAt(timer, now + session.offsetMs);
  const soundOn = useWorkshopLive((s) => s.soundOn);
  const setSoundOn = useWorkshopLive((s) => s.setSoundOn);
  const [minutes, setMinutes] = useState(5);
  const { run, error, pending } = useCommand();
  const previous = useRef(state);
  const [reachedZero, setReachedZero] = useState(false);

  // The cue and the chime mark the moment it runs out here, not a timer found at zero on load.
  useEffect(() => {
    if (previous.current === 'running' && state === 'zero') {
      setReachedZero(true);
      if (soundOn) playChime();
    }
    if (state !== 'zero') setReachedZero(false);
    previous.current = state;
  }, [state, soundOn]);

  const controls = facilitates && workshop.status === 'live';
  const control = (command: Parameters<WorkshopSession['control']>[0]) =>
    void run(() => session.control(command));

  return (
    <section
      className={`card workshop-panel workshop-timer workshop-timer-${state}${
        reachedZero && !prefersReducedMotion() ? ' workshop-timer-pulse' : ''
      }`}
      aria-labelledby={`${id}-title`}
      data-testid="shared-timer"
      data-state={state}
    >
      <h2 id={`${id}-title`}>{t('workshopLive.timer.title')}</h2>
      <p className="workshop-timer-time">
        {/* Read out on demand, not every second: a ticking live region would drown everything. */}
        <time dateTime={`PT${Math.ceil(remainingMs / 1000)}S`}>{formatCountdown(remainingMs)}</time>
      </p>
      <p className="workshop-timer-state">{t(`workshopLive.timer.states.${state}`)}</p>
      <div role="status" className="visually-hidden">
        {state === 'zero' && reachedZero ? t('workshopLive.timer.timeUp') : ''}
      </div>
      <div className="field-checkbox">
        <input
          id={`${id}-sound`}
          type="checkbox"
          data-testid="timer-sound"
          checked={soundOn}
          onChange={(e) => {
            if (e.target.checked) unlockAudio();
            setSoundOn(e.target.checked);
          }}
        />
        <label htmlFor={`${id}-sound`}>{t('workshopLive.timer.sound')}</label>
      </div>
      {controls ? (
        <div className="workshop-timer-controls">
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              control({ type: 'timerStart', minutes });
            }}
          >
            <div className="field field-inline">
              <label htmlFor={`${id}-minutes`}>{t('workshopLive.timer.minutes')}</label>
              <input
                id={`${id}-minutes`}
                type="number"
                data-testid="timer-minutes"
                min={1}
                max={WORKSHOP_LIMITS.timerMinutes}
                value={minutes}
                onChange={(e) => setMinutes(Math.max(1, Number(e.target.value) || 1))}
              />
            </div>
            <button
              type="submit"
              className="button button-primary"
              data-testid="timer-start"
              disabled={pending}
            >
              {t('workshopLive.timer.start')}
            </button>
          </form>
          <div className="button-row" role="group" aria-label={t('workshopLive.timer.controls')}>
            {state === 'running' ? (
              <button
                type="button"
                className="button"
                data-testid="timer-pause"
                disabled={pending}
                onClick={() => control({ type: 'timerPause' })}
              >
                {t('workshopLive.timer.pause')}
              </button>
            ) : (
              <button
                type="button"
                className="button"
                data-testid="timer-resume"
                disabled={pending || state !== 'paused'}
                onClick={() => control({ type: 'timerResume' })}
              >
                {t('workshopLive.timer.resume')}
              </button>
            )}
            <button
              type="button"
              className="button"
              data-testid="timer-add-minute"
              disabled={pending || state === 'idle'}
              onClick={() => control({ type: 'timerAddMinute' })}
            >
              {t('workshopLive.timer.addMinute')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="timer-reset"
              disabled={pending || state === 'idle'}
              onClick={() => control({ type: 'timerReset' })}
            >
              {t('workshopLive.timer.reset')}
            </button>
          </div>
        </div>
      ) : null}
      <CommandError error={error} />
    </section>
  );
}
