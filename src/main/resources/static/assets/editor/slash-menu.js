// The slash menu: "/" (and a filter) alone in a paragraph opens a listbox of blocks. Focus stays in the editor,
// which points at the active option with aria-activedescendant; arrows move, Enter/Tab pick, Escape closes.
import { Plugin, PluginKey } from "prosemirror-state";
import { h, icon } from "./dom.js";

export const slashKey = new PluginKey("mh-slash");
const LISTBOX_ID = "mh-slash-menu";
const optionId = (item) => `mh-slash-option-${item.id}`;

function match(state) {
  const { $from, empty } = state.selection;
  if (!empty) return null;
  const para = $from.parent;
  if (para.type.name !== "paragraph" || para.childCount !== 1 || !para.firstChild.isText) return null;
  const text = para.textContent;
  const m = /^\/([\p{L}\p{N} ]{0,30})$/u.exec(text);
  if (!m || $from.parentOffset !== text.length) return null;
  return { from: $from.start(), to: $from.end(), query: m[1].trim().toLowerCase() };
}

function filter(items, query, state) {
  const words = query.split(/\s+/).filter(Boolean);
  const scored = [];
  for (const item of items) {
    if (item.enabled && !item.enabled(state)) continue;
    const label = item.label.toLowerCase();
    const hay = `${label} ${item.keywords || ""}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    const score = !words.length ? 0 : (label.startsWith(words[0]) ? 0 : (hay.split(/\s+/).some((t) => t.startsWith(words[0])) ? 1 : 2));
    scored.push({ item, score });
  }
  scored.sort((a, b) => a.score - b.score);
  return scored.map((s) => s.item);
}

const CLOSED = { active: false, dismissed: null };

export function slashMenu(ctx, allItems) {
  const items = allItems.filter((i) => i.slash);

  function pick(view, item) {
    const s = slashKey.getState(view.state);
    if (!s.active) return;
    view.dispatch(view.state.tr.delete(s.from, s.to));
    const result = item.run(view);
    if (result !== "dialog") view.focus();
  }

  return new Plugin({
    key: slashKey,
    state: {
      init: () => CLOSED,
      apply(tr, prev, oldState, newState) {
        const meta = tr.getMeta(slashKey) || {};
        let dismissed = prev.dismissed == null ? null : tr.mapping.map(prev.dismissed);
        if (meta.dismiss != null) dismissed = meta.dismiss;
        const m = match(newState);
        if (!m) return CLOSED;
        if (dismissed === m.from) return { active: false, dismissed };
        const found = filter(items, m.query, newState);
        if (!found.length) return { active: false, dismissed: null, query: m.query };
        let index = prev.active && prev.query === m.query ? prev.index : 0;
        if (meta.move) index = (index + meta.move + found.length) % found.length;
        if (meta.index != null) index = meta.index;
        index = Math.max(0, Math.min(index, found.length - 1));
        return { active: true, from: m.from, to: m.to, query: m.query, items: found, index, dismissed: null };
      },
    },
    props: {
      attributes(state) {
        const s = slashKey.getState(state);
        if (!s.active) return null;
        return { "aria-controls": LISTBOX_ID, "aria-autocomplete": "list", "aria-activedescendant": optionId(s.items[s.index]) };
      },
      handleKeyDown(view, event) {
        const s = slashKey.getState(view.state);
        if (!s.active || event.isComposing) return false;
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          view.dispatch(view.state.tr.setMeta(slashKey, { move: event.key === "ArrowDown" ? 1 : -1 }));
          return true;
        }
        if (event.key === "Home" || event.key === "End") {
          view.dispatch(view.state.tr.setMeta(slashKey, { index: event.key === "Home" ? 0 : s.items.length - 1 }));
          return true;
        }
        if (event.key === "Enter" || event.key === "Tab") {
          pick(view, s.items[s.index]);
          return true;
        }
        if (event.key === "Escape") {
          view.dispatch(view.state.tr.setMeta(slashKey, { dismiss: s.from }));
          ctx.announce("Block menu closed.");
          return true;
        }
        return false;
      },
    },
    view(view) {
      return new SlashView(view, ctx, pick);
    },
  });
}

class SlashView {
  constructor(view, ctx, pick) {
    this.view = view;
    this.ctx = ctx;
    this.pick = pick;
    this.el = h("div", { id: LISTBOX_ID, role: "listbox", "aria-label": "Insert block", class: "mh-slash", hidden: true });
    this.el.addEventListener("mousedown", (event) => event.preventDefault());
    ctx.wrapper.appendChild(this.el);
    this.rendered = null;
  }

  update(view) {
    const s = slashKey.getState(view.state);
    if (!s.active) {
      if (!this.el.hidden) {
        this.el.hidden = true;
        this.el.replaceChildren();
        this.rendered = null;
      }
      return;
    }
    const wasHidden = this.el.hidden;
    if (this.rendered !== s.items) {
      this.el.replaceChildren(...s.items.map((item) => {
        const option = h("div", { id: optionId(item), role: "option", class: "mh-slash__option", "aria-selected": "false" },
          item.icon ? icon(item.icon) : h("span", { class: "mh-slash__glyph", "aria-hidden": "true" }, item.text || ""),
          h("span", { class: "mh-slash__label" }, item.label));
        option.addEventListener("click", () => this.pick(this.view, item));
        return option;
      }));
      this.rendered = s.items;
    }
    Array.from(this.el.children).forEach((option, i) => {
      option.setAttribute("aria-selected", i === s.index ? "true" : "false");
    });
    this.el.hidden = false;
    this.position(s.from);
    if (wasHidden) {
      this.ctx.announce(`Block menu, ${s.items.length} ${s.items.length === 1 ? "choice" : "choices"}. Arrow keys to choose, Enter to insert, Escape to close.`);
    }
  }

  position(pos) {
    const coords = this.view.coordsAtPos(pos);
    const box = this.ctx.wrapper.getBoundingClientRect();
    const height = this.el.offsetHeight;
    // Below the line, or above it when the window has no room below but has room above.
    const above = coords.bottom + height + 8 > window.innerHeight && coords.top - height - 8 > 0;
    this.el.style.top = `${Math.round(above ? coords.top - box.top - height - 6 : coords.bottom - box.top + 6)}px`;
    this.el.style.left = `${Math.round(Math.max(0, coords.left - box.left))}px`;
  }

  destroy() {
    this.el.remove();
  }
}
