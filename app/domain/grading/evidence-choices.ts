/**
 * How many evidence items not tagged to an outcome the grade form offers for it (the most recent),
 * besides every item tagged to it; shared by the loader and the page, so not in a .server module.
 */
export const UNTAGGED_CHOICES = 30;
