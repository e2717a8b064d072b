import { MARK_END, MARK_START } from "~/domain/evidence/filters";

/** A search snippet: matches (between the control-character markers) become <mark>, everything else is plain text. */
export function Snippet({ text }: { text: string }) {
  if (!text) return null;
  const parts = text.split(MARK_START);
  return (
    <p className="peff-snippet">
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [hit, rest] = part.split(MARK_END);
        return (
          <span key={i}>
            <mark>{hit}</mark>
            {rest}
          </span>
        );
      })}
    </p>
  );
}
