import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { bindTextToBox } from "~/lib/register/text-binding";

/**
 * A textarea bound to a Y.Text: local typing becomes the smallest insert/delete, placed at the
 * caret (so two people typing in one cell merge character by character, each after their own
 * letters), and other changes (another person's, or an undo) update the box and keep the caret or
 * selection where it was relative to the text around it. The box is uncontrolled and those changes
 * are written into it synchronously: a re-render pending between a remote change and the next
 * keystroke would otherwise make that keystroke's diff delete the other person's text. The binding
 * itself is `bindTextToBox` (lib/register/text-binding.ts), tested there with two documents.
 */
export function TextEditor({ text, label, long, onDone }: { text: Y.Text; label: string; long: boolean; onDone(): void }) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const binding = bindTextToBox(text, el, () => document.activeElement === el);
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    el.addEventListener("input", binding.input);
    return () => {
      el.removeEventListener("input", binding.input);
      binding.destroy();
    };
  }, [text]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape" || (e.key === "Enter" && !long)) {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    }
  };
  return long ? (
    <textarea ref={ref} className="nhsuk-textarea register-editor" aria-label={label} rows={4} onKeyDown={onKeyDown} />
  ) : (
    <input ref={ref} className="nhsuk-input register-editor" aria-label={label} onKeyDown={onKeyDown} />
  );
}
