/** Builds `SET a = ?, b = ?` from a patch, skipping fields left undefined. */
export class Assignments {
  private readonly parts: string[] = [];
  readonly values: unknown[] = [];

  set(column: string, value: unknown, encode: (v: never) => unknown = (v) => v): this {
    if (value !== undefined) {
      this.parts.push(`${column} = ?`);
      this.values.push(encode(value as never));
    }
    return this;
  }

  get empty() {
    return this.parts.length === 0;
  }

  toString() {
    return this.parts.join(', ');
  }
}

/** Builds a `WHERE … AND …` clause with its bound values. */
export class Conditions {
  private readonly parts: string[] = [];
  readonly values: unknown[] = [];

  add(clause: string, ...values: unknown[]): this {
    this.parts.push(clause);
    this.values.push(...values);
    return this;
  }

  /** `column IN (?, ?, …)`; callers handle the empty list (which matches nothing). */
  in(column: string, values: string[]): this {
    return this.add(`${column} IN (${values.map(() => '?').join(',')})`, ...values);
  }

  toString() {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export const json = (v: unknown) => JSON.stringify(v);
export const bool = (v: boolean) => (v ? 1 : 0);
