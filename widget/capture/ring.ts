/** A bounded list that keeps the newest `max` items. */
export class Ring<T> {
  private items: T[] = [];
  constructor(private readonly max: number) {}
  push(item: T): T {
    this.items.push(item);
    if (this.items.length > this.max) this.items.splice(0, this.items.length - this.max);
    return item;
  }
  last(): T | undefined {
    return this.items[this.items.length - 1];
  }
  /** A copy of the items, so later captures do not change what was sent. */
  toArray(): T[] {
    return this.items.map((item) => ({ ...item }));
  }
  clear(): void {
    this.items = [];
  }
  get size(): number {
    return this.items.length;
  }
}
