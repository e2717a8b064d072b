import { useEffect, useRef } from "react";
import type * as Y from "yjs";

/**
 * A textarea bound to a Y.Text: local typing becomes the smallest insert/delete (so two people
 * typing in one cell merge character by character), remote changes update the box and keep the
 * caret where it was relative to the text around it. The box is uncontrolled and remote changes
 * are written into it synchronously: a re-render pending between a remote change and the next
 * keystroke would otherwise make that keystroke's diff delete the other person's text.
 */
export function TextEditor({ text, label, long, onDone }: { text: Y.Text; label: string; long: boolean; onDone(): void }) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  useEffect(() => {
    const el0 = ref.current;
    if (el0) {
      el0.value = text.toString();
      el0.focus();
      el0.setSelectionRange(el0.value.length, el0.value.length);
    }
    const observe = (event: Y.YTextEvent) => {
      if (event.transaction.local) return;
      const el = ref.current;
      if (!el) return;
      let caret = el.selectionStart ?? 0;
      let index = 0;
      for (const op of event.delta) {
        if (op.retain) index += op.retain;
        else if (typeof op.insert === "string") {
          if (index < caret) caret += op.insert.length;
          index += op.insert.length;
        } else if (op.delete) {
          if (index < caret) caret -= Math.min(op.delete, caret - index);
        }
      }
      el.value = text.toString();
      if (document.activeElement === el) el.setSelectionRange(caret, caret);
    };
    text.observe(observe);
    return () => text.unobserve(observe);
  }, [text]);

  const onChange = (next: string) => {
    const prev = text.toString();
    let start = 0;
    while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
    let endPrev = prev.length;
    let endNext = next.length;
    while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
      endPrev--;
      endNext--;
    }
    text.doc!.transact(() => {
      if (endPrev > start) text.delete(start, endPrev - start);
      if (endNext > start) text.insert(start, next.slice(start, endNext));
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape" || (e.key === "Enter" && !long)) {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    }
  };
  return long ? (
    <textarea ref={ref} className="nhsuk-textarea register-editor" aria-label={label} rows={4} onChange={(e) => onChange(e.target.value)} onKeyDown={onKeyDown} />
  ) : (
    <input ref={ref} className="nhsuk-input register-editor" aria-label={label} onChange={(e) => onChange(e.target.value)} onKeyDown={onKeyDown} />
  );
}
