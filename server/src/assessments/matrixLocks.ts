/**
 * One change at a time per matrix, in this process: a score checks that its round is still
 * scoring and then writes, a reveal checks and then closes the round, so a score can never land
 * in a round that is being revealed. Chains promises per matrix; a failed change does not
 * block the next.
 */
export class MatrixLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(documentId: string, matrixId: string, change: () => Promise<T>): Promise<T> {
    const key = `${documentId}/${matrixId}`;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(change, change);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
