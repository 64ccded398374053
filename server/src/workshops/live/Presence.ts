/**
 * Who is in each live workshop, in this process: per workshop, each user's joined connections,
 * in the order the users arrived. A user is present while any of their connections (tabs,
 * devices) is joined; their first connection opens a stay, their last closes it.
 */
export class Presence {
  private readonly byWorkshop = new Map<string, Map<string, Set<string>>>();

  /** True when this is the user's first connection in the workshop (a stay begins). */
  join(workshopId: string, userId: string, connectionId: string): boolean {
    let users = this.byWorkshop.get(workshopId);
    if (!users) this.byWorkshop.set(workshopId, (users = new Map()));
    const connections = users.get(userId);
    if (connections) {
      connections.add(connectionId);
      return false;
    }
    users.set(userId, new Set([connectionId]));
    return true;
  }

  /** True when this was the user's last connection in the workshop (the stay ends). */
  leave(workshopId: string, userId: string, connectionId: string): boolean {
    const users = this.byWorkshop.get(workshopId);
    const connections = users?.get(userId);
    if (!users || !connections?.delete(connectionId)) return false;
    if (connections.size > 0) return false;
    users.delete(userId);
    if (users.size === 0) this.byWorkshop.delete(workshopId);
    return true;
  }

  isJoined(workshopId: string, userId: string, connectionId: string): boolean {
    return this.byWorkshop.get(workshopId)?.get(userId)?.has(connectionId) ?? false;
  }

  /** Users present, in the order they joined. */
  present(workshopId: string): string[] {
    return [...(this.byWorkshop.get(workshopId)?.keys() ?? [])];
  }

  /** How many connections the user has joined to the workshop. */
  connections(workshopId: string, userId: string): number {
    return this.byWorkshop.get(workshopId)?.get(userId)?.size ?? 0;
  }

  /** Workshops with anyone present. */
  workshops(): string[] {
    return [...this.byWorkshop.keys()];
  }
}
