// Okabe & Ito's colour-blind-safe palette (8 colours), one per sector.
// Okabe M, Ito K (2008), "Color Universal Design", https://jfly.uni-koeln.de/color/

export const SECTORS = [
  { value: "HEALTH", label: "Health", colour: "#0072B2" }, // blue
  { value: "SOCIAL_CARE", label: "Social care", colour: "#E69F00" }, // orange
  { value: "HOUSING", label: "Housing", colour: "#D55E00" }, // vermillion
  { value: "EDUCATION", label: "Education", colour: "#F0E442" }, // yellow
  { value: "LEISURE", label: "Leisure", colour: "#009E73" }, // bluish green
  { value: "VOLUNTARY", label: "Voluntary (VCSE)", colour: "#CC79A7" }, // reddish purple
  { value: "PUBLIC_HEALTH", label: "Public health", colour: "#56B4E9" }, // sky blue
  { value: "OTHER", label: "Other", colour: "#000000" }, // black
];

export const LEVELS = [
  { value: "BOARD", label: "Board" },
  { value: "EXECUTIVE", label: "Executive" },
  { value: "SENIOR", label: "Senior" },
  { value: "MIDDLE", label: "Middle" },
  { value: "TEAM", label: "Team leader" },
];

const BY_VALUE = new Map(SECTORS.map((s) => [s.value, s]));
const UNKNOWN = "#999999";

/** Sector values arrive as enum names or stored values ("SOCIAL_CARE" or "social_care"). */
export function sectorKey(sector) {
  return sector ? String(sector).toUpperCase() : "OTHER";
}

export function sectorColour(sector) {
  return (BY_VALUE.get(sectorKey(sector)) || { colour: UNKNOWN }).colour;
}

export function sectorLabel(sector) {
  return (BY_VALUE.get(sectorKey(sector)) || { label: sector || "Unknown" }).label;
}

/** Communities cycle through the same palette; the legend names each one. */
export function communityColour(id) {
  if (id === null || id === undefined) return UNKNOWN;
  return SECTORS[((id % SECTORS.length) + SECTORS.length) % SECTORS.length].colour;
}

export const DIM = "#e2e2e2";
export const EDGE = "#c8c8c8";
export const EDGE_DIM = "#f0f0f0";
export const HIGHLIGHT_EDGE = "#222222";
export const BROKEN = "#e00000";
export const WORKING = "#222222";

/** The culture indicator scale: ColorBrewer's sequential "Blues", light (lowest) to dark (highest). */
export const CULTURE_SCALE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
export const NO_VALUE = "#999999";

/** The bucket (0..4) of `value` in equal-width steps between `min` and `max`; one value alone is the middle. */
export function cultureBucket(value, min, max) {
  const n = CULTURE_SCALE.length;
  if (!(max > min)) return Math.floor(n / 2);
  return Math.min(n - 1, Math.floor(((value - min) / (max - min)) * n));
}
