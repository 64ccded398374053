import { useEffect } from 'react';

/**
 * Asks before the tab is closed or reloaded while changes are unconfirmed. They are kept on
 * this device and sent the next time the document is opened here, but the person may not be
 * coming back to this computer. Browsers show their own wording; ours cannot be customised.
 */
export function useUnsyncedChangesWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}
