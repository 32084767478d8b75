/**
 * What the user sees of the server's messages and what the client sends for typed numbers.
 * Server messages are bilingual ("当前密码不正确 (current password is wrong)"): the UI shows the Chinese part;
 * the codes stay with the userErrors. Numbers are typed as people write them on the forms ("16分",
 * full-width "１６", "1,200 万元") and sent as plain decimals; anything else gets a plain message at the cell.
 */
import { t } from '../i18n/zh-CN';

/** The message without its English parenthetical (half- or full-width brackets at the end, or around ASCII-only text). */
export function chineseOnly(message: string): string {
  const stripped = message
    .replace(/\s*[（(][^（）()]*[A-Za-z][^（）()\u4e00-\u9fff]*[)）]/g, '')
    .trim();
  return stripped || message;
}

const FULL_WIDTH = /[０-９．，－＋％]/g;

/** Full-width digits and signs as their ASCII forms. */
export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Units people add to a typed figure; the cell's column already says which. */
const UNITS = /\s*(万元|千元|元|分|人|个|%|％)$/;

/**
 * A typed number as the API's Decimal: trimmed, half-width, without thousands separators or a trailing unit.
 * Blank → null (clears). Not a number → `{ error }`, a plain Chinese message for the cell.
 */
export function readDecimal(text: string, { integer = false }: { integer?: boolean } = {}): { value: string | null } | { error: string } {
  let value = halfWidth(text).trim();
  if (value === '') return { value: null };
  value = value.replace(UNITS, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (value.startsWith('+')) value = value.slice(1);
  const pattern = integer ? /^-?\d+$/ : /^-?(\d+(\.\d*)?|\.\d+)$/;
  if (!pattern.test(value)) return { error: integer ? t.errors.wholeNumber : t.errors.notNumber };
  if (value.endsWith('.')) value = value.slice(0, -1);
  if (value.startsWith('.') || value.startsWith('-.')) value = value.replace('.', '0.');
  return { value };
}
