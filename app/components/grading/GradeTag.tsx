/** A grade or score: always the words, with the colour as a swatch beside them (never colour alone). */
export function GradeTag({ text, colour }: { text: string; colour?: string }) {
  return (
    <span className="peff-grade">
      {colour ? <span className="peff-swatch" style={{ background: colour }} aria-hidden="true" /> : null}
      {text}
    </span>
  );
}
