// The formatting toolbar (WAI-ARIA toolbar: one tab stop, arrow keys move between buttons, aria-pressed on
// toggles, aria-disabled when a command doesn't apply) and the table toolbar shown while the cursor is in a table.
import { addRowAfter, addColumnAfter, deleteRow, deleteColumn, deleteTable, isInTable, addRowBefore, addColumnBefore } from "prosemirror-tables";
import { h, icon } from "./dom.js";

const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Mod-Shift-z" → {label: "Ctrl+Shift+Z", aria: "Control+Shift+Z"} for this platform. */
export function shortcut(keys) {
  const parts = keys.split("-");
  const label = parts.map((p) => ({ Mod: MAC ? "⌘" : "Ctrl", Shift: MAC ? "⇧" : "Shift", Alt: MAC ? "⌥" : "Alt" }[p] || p.toUpperCase()));
  const aria = parts.map((p) => ({ Mod: MAC ? "Meta" : "Control", Shift: "Shift", Alt: "Alt" }[p] || p.toUpperCase()));
  return { label: MAC ? label.join("") : label.join("+"), aria: aria.join("+") };
}

export const ICONS = {
  undo: ["M7.5 4.5 4 8l3.5 3.5", "M4 8h8a4 4 0 0 1 0 8H9"],
  redo: ["M12.5 4.5 16 8l-3.5 3.5", "M16 8H8a4 4 0 0 0 0 8h3"],
  link: ["M8.6 11.4a3 3 0 0 0 4.2 0l2.8-2.8a3 3 0 0 0-4.2-4.2l-1 1", "M11.4 8.6a3 3 0 0 0-4.2 0l-2.8 2.8a3 3 0 0 0 4.2 4.2l1-1"],
  code: ["M7 6 3 10l4 4", "M13 6l4 4-4 4"],
  bullets: ["M8 5h9", "M8 10h9", "M8 15h9", "M3.6 5h.4", "M3.6 10h.4", "M3.6 15h.4"],
  numbers: ["M8 5h9", "M8 10h9", "M8 15h9", "M3 3.5h1.2V7", "M3 7h2.2", "M3 12.5h2l-2 3.2h2.2"],
  quote: ["M4 10h3.5v4.5H4z", "M4 10c0-2.6 1-4.3 3-5.2", "M11.5 10H15v4.5h-3.5z", "M11.5 10c0-2.6 1-4.3 3-5.2"],
  pullquote: ["M4 3v14", "M8 6h9", "M8 10h9", "M8 14h6"],
  image: ["M3 4h14v12H3z", "M3 13.5l4-4 3 3 2.2-2.2L17 15", "M13 6.8h.4"],
  gallery: ["M6.5 3h10.5v9H6.5z", "M3.5 6.5V17H14", "M6.5 10l3-3 2.5 2.5 1.5-1.5 3.5 3.5"],
  embed: ["M2.5 4.5h15v11h-15z", "M8.5 7.5v5l4-2.5z"],
  table: ["M3 4h14v12H3z", "M3 8h14", "M3 12h14", "M8 4v12", "M12.5 4v12"],
  divider: ["M3 10h14", "M6 5.5h8", "M6 14.5h8"],
  callout: ["M3 3h14v14H3z", "M6 7h8", "M6 10h8", "M6 13h5"],
  footnote: ["M3 8l5.5 8", "M8.5 8 3 16", "M12.5 4.5h1.6v4", "M12 8.5h3"],
  rawHtml: ["M6.5 6 3 10l3.5 4", "M13.5 6 17 10l-3.5 4", "M11.2 4.5 8.8 15.5"],
};

/**
 * A toolbar with a roving tabindex. items: [{id, label, icon | text, keys, run(view), active?(state),
 * enabled?(state), toggle?: bool, group}], or {separator: true}.
 */
export class Toolbar {
  constructor({ label, className, items, view, groups }) {
    this.view = view;
    this.items = items;
    this.el = h("div", { role: "toolbar", "aria-label": label, class: className, "aria-orientation": "horizontal" });
    this.buttons = [];
    const groupEls = new Map();
    for (const item of items) {
      let parent = this.el;
      const group = item.group || item.toolbar;
      if (group && groups) {
        if (!groupEls.has(group)) {
          const g = h("div", { role: "group", "aria-label": groups[group], class: "mh-toolbar__group" });
          groupEls.set(group, g);
          this.el.appendChild(g);
        }
        parent = groupEls.get(group);
      }
      const sc = item.keys ? shortcut(item.keys) : null;
      const button = h("button", {
        type: "button",
        class: `mh-toolbar__button${item.text && !item.icon ? " mh-toolbar__button--text" : ""}${item.className ? ` ${item.className}` : ""}`,
        "aria-label": item.text && !item.icon && !item.ariaLabel ? null : (item.ariaLabel || item.label),
        title: sc ? `${item.label} (${sc.label})` : item.label,
        "aria-keyshortcuts": sc ? sc.aria : null,
        "aria-pressed": item.toggle ? "false" : null,
        "data-command": item.id,
        tabindex: "-1",
      }, item.icon ? icon(item.icon) : null, item.text ? h("span", { class: "mh-toolbar__text", "aria-hidden": item.ariaLabel ? "true" : null }, item.text) : null);
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => this.activate(item, button));
      item.button = button;
      this.buttons.push(button);
      parent.appendChild(button);
    }
    this.current = 0;
    this.buttons[0].tabIndex = 0;
    this.el.addEventListener("keydown", (event) => this.onKey(event));
    this.el.addEventListener("focusin", (event) => {
      const i = this.buttons.indexOf(event.target);
      if (i >= 0) this.setCurrent(i);
    });
  }

  visibleButtons() {
    return this.buttons.filter((b) => !b.hidden && !(b.parentElement && b.parentElement.hidden));
  }

  setCurrent(i) {
    this.current = i;
    this.buttons.forEach((b, j) => { b.tabIndex = j === i ? 0 : -1; });
  }

  onKey(event) {
    const visible = this.visibleButtons();
    const at = visible.indexOf(document.activeElement);
    if (at < 0) return;
    let next = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (at + 1) % visible.length;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (at - 1 + visible.length) % visible.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = visible.length - 1;
    else if (event.key === "Escape") {
      event.preventDefault();
      this.view.focus();
      return;
    }
    if (next == null) return;
    event.preventDefault();
    const button = visible[next];
    this.setCurrent(this.buttons.indexOf(button));
    button.focus();
  }

  focus() {
    const visible = this.visibleButtons();
    const button = visible.includes(this.buttons[this.current]) ? this.buttons[this.current] : visible[0];
    if (button) {
      this.setCurrent(this.buttons.indexOf(button));
      button.focus();
    }
  }

  activate(item, button) {
    if (button.getAttribute("aria-disabled") === "true") return;
    const opensDialog = item.run(this.view) === "dialog";
    if (!opensDialog && !this.view.dom.ownerDocument.querySelector("dialog[open]")) this.view.focus();
  }

  update(state) {
    for (const item of this.items) {
      const enabled = item.enabled ? !!item.enabled(state) : true;
      item.button.setAttribute("aria-disabled", enabled ? "false" : "true");
      if (item.toggle) item.button.setAttribute("aria-pressed", item.active && item.active(state) ? "true" : "false");
    }
  }
}

function run(cmd) {
  return (view) => cmd(view.state, view.dispatch, view);
}

/** The table toolbar's buttons. */
export function tableItems() {
  const item = (id, label, cmd) => ({ id, label, text: label, run: run(cmd), enabled: (s) => cmd(s) });
  return [
    item("row-before", "Row above", addRowBefore),
    item("row-after", "Row below", addRowAfter),
    item("col-before", "Column left", addColumnBefore),
    item("col-after", "Column right", addColumnAfter),
    item("delete-row", "Delete row", deleteRow),
    item("delete-col", "Delete column", deleteColumn),
    item("delete-table", "Delete table", deleteTable),
  ];
}

export { isInTable, run };
