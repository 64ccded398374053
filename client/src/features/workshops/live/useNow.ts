import { useEffect, useState } from 'react';

/**
 * The local time, refreshed every `everyMs` while `running` (a countdown needs about four
 * ticks a second to never skip a displayed second); still when not.
 */
export function useNow(running: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [running, everyMs]);
  return now;
}
