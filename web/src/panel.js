// The details panel: what one node is and how it is tied. Only the fields listed here are shown;
// a person's ethnicity or sex is never requested, so it can never be shown.
import { sectorColour, sectorLabel } from "./palette.js";

const MAX_TIES = 50;
/** How a node's kind (the NodeLabel enum) reads in the panel. */
const KINDS = { TEAM: "Team", ORGANISATION: "Organisation", PERSON: "Person" };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith("data-") || k.startsWith("aria-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function fmt(value, digits = 3) {
  if (value === null || value === undefined) return "not computed";
  return Number.isInteger(value) ? String(value) : Number(value).toFixed(digits);
}

function row(term, value) {
  return [el("dt", {}, term), el("dd", {}, value)];
}

export class DetailsPanel {
  constructor(root, { onGoTo, onImpact, placeName, culture = () => null }) {
    this.culture = culture;
    this.root = root;
    this.body = root.querySelector("#panel-body");
    this.title = root.querySelector("#panel-title");
    this.onGoTo = onGoTo;
    this.onImpact = onImpact;
    this.placeName = placeName;
    this.returnFocus = null;
    root.querySelector("#panel-close").addEventListener("click", () => this.close());
    root.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.close();
    });
    this.onClose = () => {};
  }

  get openId() {
    return this.root.hidden ? null : this.root.dataset.node;
  }

  open(map, id) {
    const graph = map.graph;
    if (!graph.hasNode(id)) return;
    const a = graph.getNodeAttributes(id);
    if (this.root.hidden) this.returnFocus = document.activeElement;
    this.root.hidden = false;
    this.root.dataset.node = id;
    this.title.textContent = a.label;

    const swatch = el("span", { className: "swatch", "aria-hidden": "true" });
    swatch.style.background = sectorColour(a.sector);
    const place = el("span", {}, a.place ? a.place : "not recorded");
    if (a.place) this.placeName(a.place).then((name) => { if (name) place.textContent = name; });

    const facts = el("dl", { className: "facts" },
      ...row("Kind", KINDS[a.kind] || a.kind),
      ...(a.kind !== "ORGANISATION" ? row("Organisation", a.organisationName || a.organisation || "not recorded") : []),
      ...row("Sector", el("span", {}, swatch, " ", sectorLabel(a.sector))),
      ...row("Place", place),
    );
    const metrics = a.teams !== undefined ? el("dl", { className: "facts", "aria-label": "Network metrics" },
      ...row("Teams", fmt(a.teams)),
      ...row("Ties between its teams", fmt(a.innerTies)),
      ...row("Ties to other organisations' teams", fmt(a.outerTies)),
      ...row("Organisations it has ties with", fmt(a.degree)),
    ) : el("dl", { className: "facts", "aria-label": "Network metrics" },
      ...row("Ties (degree)", fmt(a.degree)),
      ...row("Betweenness", fmt(a.betweenness)),
      ...row("Brokerage", fmt(a.brokerage)),
      ...row("Community", a.community === null || a.community === undefined ? "none" : String(a.community)),
    );

    const ties = [];
    graph.forEachEdge(id, (edge, attrs, source, target) => {
      if (attrs.overlay) return;
      const other = source === id ? target : source;
      ties.push({ other, label: graph.getNodeAttribute(other, "label"), kinds: attrs.kinds || [], weight: attrs.weight });
    });
    ties.sort((x, y) => x.label.localeCompare(y.label));
    const list = el("ul", { className: "ties", "aria-label": `Ties of ${a.label}` },
      ...ties.slice(0, MAX_TIES).map((t) => el("li", {},
        el("button", { type: "button", className: "link", onclick: () => this.onGoTo(t.other), "data-node": t.other },
          t.label),
        t.kinds.length ? el("span", { className: "hint" }, ` ${t.kinds.join(", ").toLowerCase().replaceAll("_", " ")}`) : null,
        a.teams !== undefined ? el("span", { className: "hint" }, ` ${t.weight} ${t.weight === 1 ? "tie" : "ties"}`) : null)));
    const more = ties.length > MAX_TIES ? el("p", { className: "hint" }, `and ${ties.length - MAX_TIES} more`) : null;

    const impactOut = el("div", { className: "impact", "aria-live": "polite" });
    const impactButton = el("button", { type: "button", id: "impact" }, "Show the impact of this node leaving");
    impactButton.addEventListener("click", async () => {
      impactOut.textContent = "Computing…";
      const view = await this.onImpact(id);
      impactOut.replaceChildren(view);
    });

    const survey = this.culture(id);
    const cultureList = survey ? cultureFacts(survey) : null;

    this.body.replaceChildren(
      facts,
      el("h3", {}, "Metrics"), metrics,
      ...(cultureList ? [el("h3", {}, "Staff survey"), cultureList] : []),
      el("h3", {}, `Ties (${ties.length})`), list, more,
      el("h3", {}, "Departure impact"), impactButton, impactOut,
    );
    this.title.focus();
  }

  close() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    delete this.root.dataset.node;
    this.onClose();
    if (this.returnFocus && document.contains(this.returnFocus)) this.returnFocus.focus();
  }
}

/** An organisation's latest staff survey figures; a held figure is shown only as "fewer than N responses". */
export function cultureFacts({ minimum, figures }) {
  if (!figures.length) return el("p", { className: "hint" }, "No staff survey figures recorded.");
  return el("ul", { className: "survey", "aria-label": "Staff survey" },
    ...[...figures].sort((a, b) => a.name.localeCompare(b.name)).map((f) => el("li", {},
      `${f.name} (${f.period}): `,
      el("strong", { "data-indicator": f.indicator },
        f.suppressed ? `fewer than ${minimum} responses`
          : f.value === null || f.value === undefined ? "no value"
          : `${fmt(f.value, 2)}${f.responses ? ` (${f.responses} responses)` : ""}`))));
}

/** The departure impact as a small description list. */
export function impactView(impact) {
  if (!impact) return el("p", {}, "Analysis unavailable.");
  return el("dl", { className: "facts" },
    ...row("Connected groups", `${impact.componentsBefore} → ${impact.componentsAfter}`),
    ...row("Pairs cut off from each other", String(impact.pairsDisconnected)),
    ...row("Network efficiency", `${impact.efficiencyBefore.toFixed(3)} → ${impact.efficiencyAfter.toFixed(3)} (change ${impact.efficiencyChange.toFixed(3)})`),
  );
}
