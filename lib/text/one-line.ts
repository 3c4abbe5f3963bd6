import { z } from "zod";

// Text people type that other people read. Some characters are invisible yet
// change what a reader sees: bidi controls reorder the text around them (a
// name ending in U+202E reads backwards), zero-width characters make two
// different names look identical, and PostgreSQL refuses NUL outright. One
// line of text (a name, a title) loses all of them; multi-line text (Markdown)
// keeps its tabs and line breaks and its bidi marks (right-to-left writing
// needs them) but loses NUL and the other control characters.
// Only zod here: the forms import these schemas in the browser too.

/** U+202A–U+202E, U+2066–U+2069, U+200E/F and U+061C reorder text; U+200B–U+200D, U+2060 and U+FEFF are zero-width. */
const invisible = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/** Line breaks and tabs inside one line read as a space. */
const lineBreaks = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** C0 controls, DEL and C1 controls. */
const controls = /[\u0000-\u001f\u007f-\u009f]/g;
/** The control characters Markdown has no use for: all but tab, line feed and carriage return. */
const markdownControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** One line as it should be stored and shown: no bidi controls, zero-width or control characters, trimmed. */
export const cleanOneLine = (value: string): string =>
  value.replace(invisible, "").replace(lineBreaks, " ").replace(controls, "").trim();

/** Multi-line text as it should be stored: NUL and other control characters removed, tabs and line breaks kept. */
export const cleanMultiLine = (value: string): string => value.replace(markdownControls, "");

/**
 * A string field for one line of text, cleaned before its length checks: chain
 * `.min()` and `.max()` as on `z.string()`. The message is for a value that is
 * not text at all.
 */
export const oneLineText = (message?: string) => z.string(message).overwrite(cleanOneLine);

/** A string field for Markdown or other multi-line text; not trimmed (indentation can open a code block). */
export const multiLineText = (message?: string) => z.string(message).overwrite(cleanMultiLine);
