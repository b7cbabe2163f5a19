/**
 * The PDF uses the standard Helvetica fonts (no font files to ship or find), which encode
 * WinAnsi only. Anything else (emoji, Hebrew, CJK) would come out as wrong glyphs, so it is
 * shown as '?' — the PDF is for reading at a glance; the CSV and JSON keep every character.
 */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfText(text: string): string {
  let safe = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (character === '\r') continue;
    safe +=
      code === 0x0a ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRAS.has(character)
        ? character
        : code === 0x09
          ? ' '
          : '?';
  }
  return safe;
}

/** At most `length` characters, cut at a character and marked with an ellipsis. */
export function shorten(text: string, length: number): string {
  const characters = [...text];
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('')}…`;
}
