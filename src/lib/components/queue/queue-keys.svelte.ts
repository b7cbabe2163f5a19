/**
 * The queue's keyboard state: which item is current, which are selected, and which
 * overlay is open. Persisted data (the items themselves) comes from `load`; this only
 * holds what the moderator is pointing at.
 */
import { SvelteSet } from 'svelte/reactivity';

export class QueueKeys {
  /** Index of the current item in the page's list. */
  current = $state(0);
  /** Selected comments as "id:version", the bulk form's checkbox values. */
  readonly selected = new SvelteSet<string>();
  helpOpen = $state(false);
  /** The comment whose remove-reason chooser is open, if any. */
  choosingReasonFor = $state<number | null>(null);

  /** Moves by `step` items, staying inside a list of `length` items. */
  move(step: number, length: number): void {
    if (length === 0) return;
    this.current = Math.max(0, Math.min(length - 1, this.current + step));
  }

  /** After the list changed (an item left it), keep the index pointing at an item. */
  clamp(length: number): void {
    this.current = Math.max(0, Math.min(length - 1, this.current));
  }

  toggle(selection: string): void {
    if (this.selected.has(selection)) this.selected.delete(selection);
    else this.selected.add(selection);
  }

  /** Drops selections whose comment left the page or moved to another version. */
  keepOnly(visible: readonly string[]): void {
    for (const selection of [...this.selected]) {
      if (!visible.includes(selection)) this.selected.delete(selection);
    }
  }
}
