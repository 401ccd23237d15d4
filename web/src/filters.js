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

export function stateFromUrl(search = window.location.search) {
  const params = new URLSearchParams(search);
  const state = defaultState();
  for (const key of Object.keys(state)) {
    if (!params.has(key)) continue;
    const raw = params.get(key);
    if (LIST_KEYS.includes(key)) state[key] = raw ? raw.split(",").filter(Boolean) : [];
    else if (key === "limit") state.limit = Math.max(1, Number.parseInt(raw, 10) || state.limit);
    else state[key] = raw;
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
