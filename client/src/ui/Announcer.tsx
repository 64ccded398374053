import { useUiStore } from '../stores/ui';

/** The one polite live region: status messages ("Document renamed.") are read out from here. */
export function Announcer() {
  const announcement = useUiStore((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement ? <span key={announcement.id}>{announcement.message}</span> : null}
    </div>
  );
}
