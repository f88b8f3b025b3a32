// Small plugins: placeholders (CSS ::before with data-placeholder, never inline styles) and keeping an
// attribution line in every quote so the writer sees where "who said it" goes (empty ones are not saved).
import { Plugin } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { schema } from "./schema.js";

const { nodes } = schema;

export const ATTRIBUTION_PLACEHOLDER = "Who said it, and where";

function emptyHeaderLabel() {
  const span = document.createElement("span");
  span.className = "mh-visually-hidden";
  span.contentEditable = "false";
  span.textContent = "Empty column heading";
  return span;
}

export function placeholders() {
  return new Plugin({
    props: {
      decorations(state) {
        const decos = [];
        const { doc, selection } = state;
        const onlyEmpty = doc.childCount === 1 && doc.firstChild.type === nodes.paragraph && doc.firstChild.content.size === 0;
        if (onlyEmpty) {
          decos.push(Decoration.node(0, doc.firstChild.nodeSize, { class: "is-empty", "data-placeholder": "Write the story… Type / to add a heading, picture, quote or other block." }));
        } else if (selection.empty) {
          const { $from } = selection;
          if ($from.parent.type === nodes.paragraph && $from.parent.content.size === 0 && $from.depth === 1) {
            decos.push(Decoration.node($from.before(), $from.after(), { class: "is-empty", "data-placeholder": "Type / for blocks" }));
          }
        }
        doc.descendants((node, pos) => {
          if (node.type === nodes.attribution && node.content.size === 0) {
            decos.push(Decoration.node(pos, pos + node.nodeSize, { class: "is-empty", "data-placeholder": ATTRIBUTION_PLACEHOLDER }));
          } else if (node.type === nodes.pullquote && node.content.size === 0) {
            decos.push(Decoration.node(pos, pos + node.nodeSize, { class: "is-empty" }));
          } else if (node.type === nodes.table_header && node.textContent === "") {
            // An empty header cell still says what it is to assistive technology (before its paragraph, so the
            // caret is not affected).
            decos.push(Decoration.widget(pos + 1, emptyHeaderLabel, { side: -1, ignoreSelection: true, key: "mh-empty-th" }));
          } else if (node.type === nodes.heading && node.content.size === 0) {
            decos.push(Decoration.node(pos, pos + node.nodeSize, { class: "is-empty", "data-placeholder": `Heading ${node.attrs.level}` }));
          }
          return !node.isTextblock && !node.isAtom && node.type !== nodes.table_header;
        });
        return DecorationSet.create(doc, decos);
      },
    },
  });
}

/** A transaction adding an empty attribution to each quote that has none, or null. */
export function addMissingAttributions(state) {
  let tr = null;
  state.doc.descendants((node, pos) => {
    if (node.type === nodes.quote) {
      if (node.lastChild.type !== nodes.attribution) {
        tr = tr || state.tr;
        tr.insert(tr.mapping.map(pos + node.nodeSize - 1), nodes.attribution.create());
      }
      return false;
    }
    return !node.isTextblock && !node.isAtom;
  });
  return tr;
}

export function quoteAttributions() {
  return new Plugin({
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((t) => t.docChanged)) return null;
      return addMissingAttributions(newState);
    },
  });
}

/** The document as the server wants it: version 1, empty attributions left out. */
export function documentJSON(doc) {
  const json = doc.toJSON();
  const prune = (node) => {
    if (Array.isArray(node.content)) {
      if (node.type === "quote") {
        node.content = node.content.filter((c) => !(c.type === "attribution" && !(c.content && c.content.length)));
      }
      node.content.forEach(prune);
    }
    return node;
  };
  prune(json);
  return { type: "doc", version: 1, content: json.content };
}
