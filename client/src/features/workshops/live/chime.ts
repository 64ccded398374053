/**
 * A short two-tone chime made with the Web Audio API (no sound file to load or host). Played only
 * when the reader turned sound on for this page, which is also the user gesture browsers want
 * before a page may make a sound.
 */
let context: AudioContext | null = null;

/** Call from the click that turns sound on: browsers only let a gesture start audio. */
export function unlockAudio(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume();
}

export function playChime(): void {
  if (!context) return;
  const start = context.currentTime;
  for (const [i, frequency] of [880, 660].entries()) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + i * 0.25;
    // A soft attack and decay: no click, and quiet enough for a shared room.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.4);
  }
}
