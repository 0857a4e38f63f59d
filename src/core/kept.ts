/**
 * What follows from a value, made once for a frozen value and kept while that value lives: a
 * frozen value (a kept answer, its reply, their Slack rendering) is shared by everyone who asks the
 * same, so what is made from it can be shared too. `freeze` readies what is kept for sharing; an
 * unfrozen value gets what `make` gives, afresh and unfrozen.
 */
export const keptFor = <K extends object, V>(kept: WeakMap<K, V>, value: K, make: (value: K) => V, freeze: (made: V) => V = (made) => made): V => {
  if (!Object.isFrozen(value)) return make(value);
  let made = kept.get(value);
  if (made === undefined) {
    made = freeze(make(value));
    kept.set(value, made);
  }
  return made;
};
