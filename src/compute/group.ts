/**
 * Appends a value to the list a key holds in a map, making the list on first use.
 *
 * @example const m = new Map<string, number[]>(); pushInto(m, 'a', 1); pushInto(m, 'a', 2); m.get('a') // [1, 2]
 */
export function pushInto<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
