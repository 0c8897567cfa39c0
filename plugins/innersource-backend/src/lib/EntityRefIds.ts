/**
 * Small whole numbers for entity refs, stable for the life of the process, so that
 * per-user read permissions can be kept as one byte per entity and survive a
 * reload of the board.
 */
export class EntityRefIds {
  private readonly ids = new Map<string, number>();

  idOf(entityRef: string): number {
    let id = this.ids.get(entityRef);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(entityRef, id);
    }
    return id;
  }

  /** One more than the largest id handed out. */
  get size(): number {
    return this.ids.size;
  }
}
