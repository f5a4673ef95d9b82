// SMS length: GSM-7 (3GPP TS 23.038 default alphabet and its extension table) or,
// if any character is outside it, UCS-2 (counted in UTF-16 code units).

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

/**
 * { encoding: 'GSM-7' | 'UCS-2', length, units, segments, perSegment, remaining, culprit }
 * length: characters as a person counts them (code points); units: septets (GSM-7)
 * or UTF-16 code units (UCS-2); culprit: the first character that forces UCS-2.
 */
export function smsInfo(text) {
  const chars = [...text];
  const culprit = chars.find((c) => !basic.has(c) && !extended.has(c));
  if (culprit === undefined) {
    const costs = chars.map((c) => (extended.has(c) ? 2 : 1));
    return pack('GSM-7', chars.length, costs, 160, 153);
  }
  // a surrogate pair (2 units) is never split across two parts
  const costs = chars.map((c) => c.length);
  return { ...pack('UCS-2', chars.length, costs, 70, 67), culprit };
}

function pack(encoding, length, costs, single, multi) {
  const units = costs.reduce((a, b) => a + b, 0);
  if (units === 0) return { encoding, length, units, segments: 0, perSegment: single, remaining: single };
  if (units <= single) return { encoding, length, units, segments: 1, perSegment: single, remaining: single - units };
  let segments = 1;
  let used = 0;
  for (const c of costs) {
    if (used + c > multi) {
      segments += 1;
      used = 0;
    }
    used += c;
  }
  return { encoding, length, units, segments, perSegment: multi, remaining: multi - used };
}

/** One line for people: "52 characters · GSM-7 · 1 SMS segment (108 left in it)". */
export function smsSummary(text) {
  const s = smsInfo(text);
  const chars = `${s.length} character${s.length === 1 ? '' : 's'}`;
  const unit = s.encoding === 'GSM-7' ? (s.units !== s.length ? ` (${s.units} septets: ^ { } [ ] ~ | € \\ count twice)` : '') : s.units !== s.length ? ` (${s.units} UTF-16 units)` : '';
  const why = s.culprit ? ` because of “${s.culprit}”` : '';
  const segs = `${s.segments} SMS segment${s.segments === 1 ? '' : 's'}`;
  const room =
    s.segments === 0 ? '' : s.segments === 1 ? ` (${s.remaining} left)` : ` (${s.perSegment} per segment; ${s.remaining} left in the last)`;
  return { info: s, text: `${chars}${unit} · ${s.encoding}${why} · ${segs}${room}` };
}
