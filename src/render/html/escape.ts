/**
 * Escapes text for HTML and SVG text and attribute values: & < > " ' become entities, so a name
 * such as `<script>` or `"x" onload=…` shows as text and never runs.
 *
 * @example escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
