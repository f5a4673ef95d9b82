// Formats shared by the three peers, written to match the Rust core's checks
// (src/rules/formats.rs). Ajv gets the same patterns as strings.
import { TZ_NAMES } from './tz-names.mjs';

/** Something that says something: not empty, not only whitespace. */
export const NON_BLANK = /\S/;
export const BLANK = /^\s*$/;
/** 24-hour HH:MM, 00:00 to 23:59. */
export const TIME = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/;
/** RFC 9110 token (header names). */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Header values: any text but control characters (tab allowed). */
export const HEADER_VALUE = /^[^\u0000-\u0008\u000a-\u001f\u007f-\u009f]*$/;
/** Absolute http(s) URL with a host (a regex for Ajv; Zod and Valibot use their URL checks plus this scheme test). */
export const HTTP_SCHEME = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//;
export const HTTP_URL =
  /^[Hh][Tt][Tt][Pp][Ss]?:\/\/(?:[^\s/?#@\\<>"]*@)?(?:\[[0-9A-Fa-f:.]+\]|[^\s/?#@\\<>":[\].][^\s/?#@\\<>":[\]]*)(?::[0-9]{0,5})?(?:[/?#][^\s\\<>"]*)?$/;

export const TIMEZONES = new Set(TZ_NAMES);
export { TZ_NAMES };

export const CALL_DIRECTIONS = ['outbound', 'bidirectional'];
export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'bidirectional'];
export const WELCOME_TYPES = ['user_initiated', 'ai_dynamic', 'ai_custom'];
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const CHANNELS = ['SMS', 'Email'];

/** [index, key] of every later occurrence of a key seen before (what `duplicate` points at). */
export function duplicates(items, keyOf) {
  const seen = new Set();
  const out = [];
  for (let i = 0; i < items.length; i++) {
    const k = keyOf(items[i]);
    if (k === undefined || k === null) continue;
    if (seen.has(k)) out.push([i, k]);
    else seen.add(k);
  }
  return out;
}

export const minutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
export const isBlank = (s) => s === undefined || s === null || (typeof s === 'string' && BLANK.test(s));
