import { NAME_SLOTS, nameSlot } from './name-slot.js';

/** Interns channel names to small consecutive ints so the models work on typed arrays. */
export class ChannelRegistry {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  // A direct-mapped cache in front of the Map: channels are few, so nearly every lookup is one
  // comparison instead of hashing the name (a third of the cost of a million-row run).
  private readonly recentNames: Array<string | undefined> = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
  private readonly recentIds = new Int32Array(NAME_SLOTS);

  get size(): number {
    return this.names.length;
  }

  idOf(name: string): number {
    const slot = nameSlot(name.length, name.charCodeAt(0));
    if (this.recentNames[slot] === name) return this.recentIds[slot]!;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    this.recentNames[slot] = name;
    this.recentIds[slot] = id;
    return id;
  }

  lookup(name: string): number | undefined {
    return this.ids.get(name);
  }

  nameOf(id: number): string {
    const name = this.names[id];
    if (name === undefined) throw new RangeError(`No channel with id ${id}`);
    return name;
  }
}
