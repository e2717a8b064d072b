/** Who a person is in presence (the avatars and cell markers of a live document). */
export interface PresenceIdentity {
  id: string;
  name: string;
  organisation: string;
  colour: string;
}

/** Accessible presence colours (each at least 3:1 against white); always shown with a name too. */
const PALETTE = ["#005eb8", "#007f3b", "#7c2855", "#d5281b", "#330072", "#00403a", "#8a1538", "#425563"];

/** A person's presence colour: the same on every page and in every browser. */
export function colourFor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
