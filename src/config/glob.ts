/**
 * A glob pattern as a regular expression: `**` any path, `*` any name part, `?` one character.
 * Node 20 has no stable glob matcher (path.matchesGlob is experimental there), and the few rules
 * a config needs are these.
 *
 * @example globToRegExp('data/*.csv').test('data/jsna.csv') // true
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
