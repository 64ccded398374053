/**
 * Counts the local changes the server has not confirmed yet.
 *
 * The y-websocket protocol has no acknowledgement message, but the server answers every sync
 * step 1 with a sync step 2 and handles one connection's frames strictly in order. So the answer
 * to a step 1 sent after a change proves that the server has applied that change. Each step 1
 * sent on the current connection is stamped with the number of changes made before it; its
 * answer confirms them. A dropped connection loses its unanswered stamps: what they would have
 * confirmed stays unconfirmed and is confirmed after the next connection's handshake.
 */
export class UnsyncedChanges {
  /** Local changes counted so far (only grows). */
  private made = 0;
  /** `made` as of the newest answered step 1. */
  private confirmed = 0;
  /** One entry per step 1 sent on this connection and not answered yet, oldest first. */
  private inFlight: { stamp: number; probe: boolean }[] = [];

  /** Changes not yet confirmed by the server. */
  get count(): number {
    return this.made - this.confirmed;
  }

  /** Whether the server has confirmed at least one change in this session. */
  get anyConfirmed(): boolean {
    return this.confirmed > 0;
  }

  /** A step 1 of ours (not the provider's own) is still unanswered. */
  get probeInFlight(): boolean {
    return this.inFlight.some((entry) => entry.probe);
  }

  /** Changes were made that no step 1 in flight will confirm. */
  get needsProbe(): boolean {
    return this.made > (this.inFlight.at(-1)?.stamp ?? this.confirmed);
  }

  /** Local changes: made in this tab, or restored from the device after a reload. */
  changed(count = 1) {
    this.made += count;
  }

  /**
   * The provider sends its own step 1 as soon as the socket opens, before anything made
   * offline has been sent (that goes in its reply to the server's step 1): its answer confirms
   * nothing new.
   */
  connectionOpened() {
    this.inFlight = [{ stamp: this.confirmed, probe: false }];
  }

  /** We sent a step 1 after every change counted so far had been sent. */
  probeSent() {
    this.inFlight.push({ stamp: this.made, probe: true });
  }

  /** A step 2 arrived from the server. Returns whether it confirmed anything. */
  answerReceived(): boolean {
    const answered = this.inFlight.shift();
    if (!answered || answered.stamp <= this.confirmed) return false;
    this.confirmed = answered.stamp;
    return true;
  }

  connectionLost() {
    this.inFlight = [];
  }
}
