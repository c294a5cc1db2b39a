/**
 * Text made safe to place in HTML, in element content and in double-quoted attribute values alike:
 * the five characters that could end or open markup become entities, so whatever a practice typed
 * shows as the characters it is made of and never as markup.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
