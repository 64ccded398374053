/**
 * One change at a time per workshop, in this process: every live change reads the record,
 * changes it and writes it whole (decision 0047), so two changes must not interleave. Chains
 * promises per workshop; a failed change does not block the next.
 */
export class WorkshopLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(workshopId: string, change: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(workshopId) ?? Promise.resolve();
    const result = previous.then(change, change);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(workshopId, tail);
    void tail.then(() => {
      if (this.tails.get(workshopId) === tail) this.tails.delete(workshopId);
    });
    return result;
  }
}
