// Keyboard shortcuts and Markdown-style input rules (no smart quotes).
import { keymap } from "prosemirror-keymap";
import { baseKeymap, chainCommands, setBlockType } from "prosemirror-commands";
import { undo, redo } from "prosemirror-history";
import { splitListItem, sinkListItem, liftListItem } from "prosemirror-schema-list";
import { goToNextCell } from "prosemirror-tables";
import { inputRules, wrappingInputRule, textblockTypeInputRule, InputRule, undoInputRule } from "prosemirror-inputrules";
import { NodeSelection, TextSelection } from "prosemirror-state";
import { schema } from "./schema.js";
import { toggleStrong, toggleEm, toggleCode, quoteEnter, pullquoteEnter, insertHardBreak } from "./commands.js";
import { openLinkDialog } from "./blocks.js";
import { editFootnote } from "./nodeviews.js";

const { nodes } = schema;

export function buildKeymap(ctx) {
  const keys = {
    "Mod-z": undo,
    "Mod-y": redo,
    "Shift-Mod-z": redo,
    "Mod-b": toggleStrong,
    "Mod-B": toggleStrong,
    "Mod-i": toggleEm,
    "Mod-I": toggleEm,
    "Mod-`": toggleCode,
    "Mod-k": (state, dispatch, view) => {
      if (!state.selection.$from.parent.inlineContent) return false;
      if (view) openLinkDialog(view, ctx);
      return true;
    },
    "Mod-Alt-0": setBlockType(nodes.paragraph),
    "Mod-Alt-2": setBlockType(nodes.heading, { level: 2 }),
    "Mod-Alt-3": setBlockType(nodes.heading, { level: 3 }),
    "Mod-Alt-4": setBlockType(nodes.heading, { level: 4 }),
    "Shift-Enter": insertHardBreak,
    "Mod-Enter": insertHardBreak,
    Enter: chainCommands(
      (state, dispatch, view) => {
        // Enter on a selected footnote opens it.
        const sel = state.selection;
        if (sel instanceof NodeSelection && sel.node.type === nodes.footnote) {
          if (view) editFootnote(view, sel.from, ctx);
          return true;
        }
        return false;
      },
      quoteEnter,
      pullquoteEnter,
      splitListItem(nodes.list_item),
    ),
    Tab: chainCommands(goToNextCell(1), sinkListItem(nodes.list_item)),
    "Shift-Tab": chainCommands(goToNextCell(-1), liftListItem(nodes.list_item)),
    Backspace: undoInputRule,
    "Alt-F10": () => {
      ctx.toolbar.focus();
      return true;
    },
  };
  return [keymap(keys), keymap(baseKeymap)];
}

/** `---` on its own line becomes a divider, followed by a fresh paragraph. */
function dividerRule() {
  return new InputRule(/^---$/, (state, match, start, end) => {
    const $start = state.doc.resolve(start);
    if ($start.parent.type !== nodes.paragraph || $start.parentOffset !== 0) return null;
    if ($start.parent.content.size !== end - start) return null; // only "--" in the paragraph before the third "-"
    const before = $start.before();
    const after = $start.after();
    const container = $start.node(-1);
    const index = $start.index(-1);
    if (!container.canReplaceWith(index, index + 1, nodes.divider)) return null;
    const tr = state.tr.replaceWith(before, after, [nodes.divider.create(), nodes.paragraph.create()]);
    tr.setSelection(TextSelection.create(tr.doc, before + 2));
    return tr;
  });
}

export function buildInputRules() {
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{1,4})\s$/, nodes.heading, (m) => ({ level: Math.max(2, m[1].length) })),
      wrappingInputRule(/^\s*>\s$/, nodes.quote),
      wrappingInputRule(/^\s*([-*])\s$/, nodes.bullet_list),
      wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list, (m) => ({ start: +m[1] }),
        (m, node) => node.childCount + node.attrs.start === +m[1]),
      dividerRule(),
    ],
  });
}
