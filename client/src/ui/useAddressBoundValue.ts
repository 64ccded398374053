import { useState } from 'react';

/**
 * The value a control shows when it is bound to the address bar. The router applies a new
 * address in a transition, after the click: a radio or checkbox bound to the address alone
 * would spring back until then. This shows the user's choice at once, and follows the address
 * whenever it changes (Back, a link, another control).
 */
export function useAddressBoundValue<V>(value: V): [V, (next: V) => void] {
  const [shown, setShown] = useState(value);
  const [followed, setFollowed] = useState(value);
  if (!Object.is(followed, value)) {
    setFollowed(value);
    setShown(value);
  }
  return [shown, setShown];
}
