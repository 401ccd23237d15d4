// The controls' state: read from and written to the query string, so a view can be shared
// (the token stays in the fragment and in sessionStorage, never in the query string).
import { LEVELS, SECTORS } from "./palette.js";

const LIST_KEYS = ["sectors", "levels", "hl"];

export function defaultState() {
  return {
    view: "overview", level: "TEAM", sizeBy: "DEGREE", colourBy: "sector", system: "", place: "", wave: "",
    sectors: [], levels: [], hl: ["silos", "brokers"], pathway: "", limit: 5000, focus: "", depth: "1", culture: "",
  };
}

const MAX_LIMIT = 5000; // the subgraph's own maximum: the API refuses more

const FIXED_KEYS = ["view", "level", "sizeBy", "colourBy", "depth", "hl", "sectors", "levels"];
// the others are uids (system, place, wave, pathway, focus) or codes the API lists (culture): their
// controls are filled from the API later, and a link to one that is gone is handled where it is used

/** The values the form's controls offer for ``key`` (its radio buttons, check boxes or select
 * options; the sector and level boxes, made later, from their lists), or null for a free value. */
function choices(form, key) {
  if (!FIXED_KEYS.includes(key)) return null;
  if (key === "sectors") return SECTORS.map((s) => s.value);
  if (key === "levels") return LEVELS.map((l) => l.value);
  const controls = form ? [...form.querySelectorAll(`[name="${key}"]`)] : [];
  const values = controls.flatMap((c) => (c.tagName === "SELECT" ? [...c.options].map((o) => o.value) : [c.value]));
  return values.length ? values : null;
}

/** The state a link gives. A value the controls do not offer (a link edited by hand, or from before
 * a vocabulary changed) is left out, so the map opens with the default instead of an API error; a
 * limit is a whole number from 1 to MAX_LIMIT. */
export function stateFromUrl(search = window.location.search, form = document.querySelector("#controls")) {
  const params = new URLSearchParams(search);
  const state = defaultState();
  for (const key of Object.keys(state)) {
    if (!params.has(key)) continue;
    const raw = params.get(key);
    const allowed = choices(form, key);
    if (LIST_KEYS.includes(key)) {
      state[key] = (raw ? raw.split(",") : []).filter((v) => v && (!allowed || allowed.includes(v)));
    } else if (key === "limit") {
      const limit = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
      if (limit >= 1) state.limit = Math.min(limit, MAX_LIMIT);
    } else if (!allowed || allowed.includes(raw)) {
      state[key] = raw;
    }
  }
  return state;
}

export function writeUrl(state) {
  const base = defaultState();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    const text = Array.isArray(value) ? value.join(",") : String(value);
    const def = Array.isArray(base[key]) ? base[key].join(",") : String(base[key]);
    if (text !== def) params.set(key, text);
  }
  const query = params.toString();
  window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : "") + window.location.hash);
}

function checkbox(name, value, label) {
  const wrap = document.createElement("label");
  const input = document.createElement("input");
  input.type = "checkbox";
  input.name = name;
  input.value = value;
  wrap.append(input, ` ${label}`);
  return wrap;
}

/** Build the sector and leadership-level check boxes (sector boxes carry their legend colour). */
export function buildChecks(form) {
  const sectors = form.querySelector("#f-sectors");
  for (const s of SECTORS) {
    const box = checkbox("sectors", s.value, s.label);
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = s.colour;
    swatch.setAttribute("aria-hidden", "true");
    box.insertBefore(swatch, box.lastChild);
    sectors.append(box);
  }
  const levels = form.querySelector("#f-levels");
  for (const l of LEVELS) levels.append(checkbox("levels", l.value, l.label));
}

/** Replace a select's options, keeping the first ("all") option and the current choice if it is offered. */
export function setOptions(select, options, current) {
  const first = select.options[0];
  select.replaceChildren(first);
  for (const { value, label } of options) {
    const opt = document.createElement("option");
    opt.value = value;
    opt.textContent = label;
    select.append(opt);
  }
  if (current && !options.some((o) => o.value === current)) {
    const opt = document.createElement("option");
    opt.value = current;
    opt.textContent = current;
    select.append(opt);
  }
  select.value = current || "";
}

export function readForm(form, state) {
  const data = new FormData(form);
  return {
    ...state,
    view: data.get("view") || "overview",
    depth: data.get("depth") || "1",
    level: data.get("level") || "TEAM",
    sizeBy: data.get("sizeBy") || "DEGREE",
    colourBy: data.get("colourBy") || "sector",
    system: data.get("system") || "",
    place: data.get("place") || "",
    wave: data.get("wave") || "",
    sectors: data.getAll("sectors"),
    levels: data.getAll("levels"),
    hl: data.getAll("hl"),
    pathway: data.get("pathway") || "",
    culture: data.get("culture") || "",
  };
}

export function writeForm(form, state) {
  for (const radio of form.querySelectorAll("input[name=level]")) radio.checked = radio.value === state.level;
  for (const radio of form.querySelectorAll("input[name=view]")) radio.checked = radio.value === state.view;
  form.elements.depth.value = state.depth;
  for (const el of form.querySelectorAll("[data-views]")) el.hidden = !el.dataset.views.split(" ").includes(state.view);
  form.elements.sizeBy.value = state.sizeBy;
  form.elements.colourBy.value = state.colourBy;
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = (state[box.name] || []).includes(box.value);
  }
  const people = state.level === "PERSON";
  for (const box of form.querySelectorAll("input[name=levels]")) box.disabled = !people;
}
