import { describe, expect, it } from 'vitest';
import { UnsyncedChanges } from './unsyncedChanges';

describe('UnsyncedChanges', () => {
  it('confirms changes when the answer to a later step 1 arrives', () => {
    const changes = new UnsyncedChanges();
    changes.connectionOpened();
    changes.answerReceived(); // the provider's own step 1
    changes.changed();
    changes.changed();
    expect(changes.count).toBe(2);
    expect(changes.needsProbe).toBe(true);
    changes.probeSent();
    expect(changes.needsProbe).toBe(false);
    expect(changes.probeInFlight).toBe(true);
    changes.changed();
    expect(changes.answerReceived()).toBe(true);
    expect(changes.count).toBe(1);
    expect(changes.anyConfirmed).toBe(true);
    expect(changes.needsProbe).toBe(true);
  });

  it('does not let the answer to the step 1 sent at open confirm what was made offline', () => {
    const changes = new UnsyncedChanges();
    changes.changed(3); // offline
    changes.connectionOpened();
    expect(changes.answerReceived()).toBe(false);
    expect(changes.count).toBe(3);
    expect(changes.anyConfirmed).toBe(false);
    changes.probeSent();
    expect(changes.answerReceived()).toBe(true);
    expect(changes.count).toBe(0);
  });

  it('answers in order: a probe queued behind the provider step 1 waits for its own answer', () => {
    const changes = new UnsyncedChanges();
    changes.connectionOpened();
    changes.changed();
    changes.probeSent();
    expect(changes.answerReceived()).toBe(false); // provider's
    expect(changes.count).toBe(1);
    expect(changes.answerReceived()).toBe(true); // ours
    expect(changes.count).toBe(0);
  });

  it('forgets unanswered probes when the connection drops', () => {
    const changes = new UnsyncedChanges();
    changes.connectionOpened();
    changes.answerReceived();
    changes.changed();
    changes.probeSent();
    changes.connectionLost();
    expect(changes.probeInFlight).toBe(false);
    expect(changes.needsProbe).toBe(true);
    // A stray answer after the drop confirms nothing.
    expect(changes.answerReceived()).toBe(false);
    expect(changes.count).toBe(1);
  });

  it('counts restored changes like new ones', () => {
    const changes = new UnsyncedChanges();
    changes.changed(5);
    expect(changes.count).toBe(5);
    expect(changes.needsProbe).toBe(true);
  });
});
