/**
 * How to scroll something into view: smoothly, unless the user asked their system for reduced
 * motion. CSS cannot do this for us: `scroll-behavior` does not apply to a `scrollIntoView`
 * call that names its behaviour.
 */
export function scrollBehavior(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** Whether the user asked their system for reduced motion: animated cues are left still then. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
