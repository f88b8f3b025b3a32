// Tiny DOM helpers. Attributes go through setAttribute, so never pass "style" (the page's CSP refuses inline styles).

/**
 * h("button", {type: "button", class: "x", onclick: fn}, "Text", childNode…)
 * Keys starting with "on" become listeners; boolean true sets an empty attribute; null/false/undefined are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = tag.includes(":") ? document.createElementNS("http://www.w3.org/2000/svg", tag.split(":")[1]) : document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value == null || value === false) continue;
      if (key === "style") throw new Error("Inline styles are not allowed by the page's CSP");
      if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
      else if (key === "text") el.textContent = value;
      else el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

let counter = 0;
/** A page-unique id with a readable prefix. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An inline SVG icon from a list of path "d" strings (stroked with currentColor, 20×20 box). Decorative. */
export function icon(paths, { fill = false } = {}) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("width", "20");
  svg.setAttribute("height", "20");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", "mh-icon");
  for (const d of paths) {
    const path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", d);
    if (fill) {
      path.setAttribute("fill", "currentColor");
    } else {
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", "currentColor");
      path.setAttribute("stroke-width", "1.6");
      path.setAttribute("stroke-linecap", "round");
      path.setAttribute("stroke-linejoin", "round");
    }
    svg.appendChild(path);
  }
  return svg;
}

/** Enter in a single-line input must not submit the article form that surrounds the editor. */
export function keepEnterInside(input, onEnter) {
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      if (onEnter) onEnter(event);
    }
  });
}
