/**
 * The product's areas, in the order they appear in the header. An area appears once its pages
 * exist; each feature adds its entry here.
 */
export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Home" },
  { href: "/evidence", label: "Evidence" },
  { href: "/register", label: "Barrier register" },
  { href: "/plans", label: "Plans" },
  { href: "/grading", label: "Grading" },
  { href: "/compare", label: "Compare" },
];

export function isCurrent(item: NavItem, pathname: string): boolean {
  return item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(item.href + "/");
}
