/**
 * A reusable counter for hashed features (feature-hashing.ts): a comment has hundreds of
 * features, and the fresh Map each one used to get was most of the model's garbage.
 *
 * Signed counts per bucket, in the order buckets were first touched (as a Map keeps them,
 * so the vector's order, and the float sums over it, stay as they were). Open addressing
 * over typed arrays, cleared by a size reset; a bucket that sums to 0 stays listed.
 */
export class BucketCounts {
  private slots = new Int32Array(1024).fill(-1);
  private values = new Int32Array(1024);
  /** Slot numbers in first-touch order. */
  private order = new Int32Array(512);
  size = 0;

  reset(): this {
    for (let i = 0; i < this.size; i++) this.slots[this.order[i]!] = -1;
    this.size = 0;
    return this;
  }

  add(hash: number, mask: number): void {
    const index = hash & mask;
    const sign = hash >>> 31 === 1 ? -1 : 1;
    const slot = this.slotOf(index);
    if (this.slots[slot] === -1) {
      if (this.size * 2 >= this.order.length) {
        this.grow();
        this.add(hash, mask);
        return;
      }
      this.slots[slot] = index;
      this.values[slot] = sign;
      this.order[this.size++] = slot;
    } else this.values[slot] = (this.values[slot] as number) + sign;
  }

  bucket(at: number): number {
    return this.slots[this.order[at]!]!;
  }

  count(at: number): number {
    return this.values[this.order[at]!]!;
  }

  private slotOf(index: number): number {
    const wrap = this.slots.length - 1;
    let slot = (Math.imul(index, 0x9e3779b1) >>> 0) & wrap;
    while (this.slots[slot] !== -1 && this.slots[slot] !== index) slot = (slot + 1) & wrap;
    return slot;
  }

  /** Doubles the table, keeping the first-touch order. */
  private grow(): void {
    const buckets = Array.from({ length: this.size }, (_, at) => this.bucket(at));
    const counts = Array.from({ length: this.size }, (_, at) => this.count(at));
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.values = new Int32Array(this.slots.length);
    this.order = new Int32Array(this.order.length * 2);
    for (let at = 0; at < buckets.length; at++) {
      const slot = this.slotOf(buckets[at]!);
      this.slots[slot] = buckets[at]!;
      this.values[slot] = counts[at]!;
      this.order[at] = slot;
    }
  }
}
