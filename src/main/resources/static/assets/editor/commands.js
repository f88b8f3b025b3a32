// Editing commands shared by the toolbar, the slash menu and the keymap. Each is a ProseMirror command:
// (state, dispatch?, view?) => boolean; called without dispatch it only says whether it applies.
import { NodeSelection, TextSelection, Selection } from "prosemirror-state";
import { insertPoint } from "prosemirror-transform";
import { setBlockType, toggleMark, wrapIn, splitBlockAs } from "prosemirror-commands";
import { wrapInList, liftListItem } from "prosemirror-schema-list";
import { isInTable } from "prosemirror-tables";
import { schema } from "./schema.js";

const { nodes } = schema;

export function markActive(state, type) {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks || $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** The nearest ancestor of the selection of one of the given types: {node, depth, pos} or null. */
export function findParent(state, types) {
  const list = Array.isArray(types) ? types : [types];
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (list.includes(node.type)) return { node, depth: d, pos: $from.before(d) };
  }
  return null;
}

export function blockActive(state, type, attrs) {
  const { $from, to } = state.selection;
  const parent = $from.parent;
  if (state.selection instanceof NodeSelection) return false;
  if (to > $from.end()) return false;
  if (parent.type !== type) return false;
  return !attrs || Object.entries(attrs).every(([k, v]) => parent.attrs[k] === v);
}

export const toggleStrong = toggleMark(schema.marks.strong);
export const toggleEm = toggleMark(schema.marks.em);
export const toggleCode = toggleMark(schema.marks.code);

export function setParagraph(state, dispatch) {
  return setBlockType(nodes.paragraph)(state, dispatch);
}

/** Heading of this level, or back to a paragraph when the block already is one. */
export function toggleHeading(level) {
  return (state, dispatch) => {
    if (blockActive(state, nodes.heading, { level })) return setBlockType(nodes.paragraph)(state, dispatch);
    return setBlockType(nodes.heading, { level })(state, dispatch);
  };
}

/** Wrap in a list; lift out when already in one of that type; switch types between bullets and numbers. */
export function toggleList(listType) {
  return (state, dispatch) => {
    const list = findParent(state, [nodes.bullet_list, nodes.ordered_list]);
    if (list && list.node.type === listType) return liftListItem(nodes.list_item)(state, dispatch);
    if (list) {
      if (dispatch) dispatch(state.tr.setNodeMarkup(list.pos, listType, listType === nodes.ordered_list ? { start: 1 } : null));
      return true;
    }
    return wrapInList(listType)(state, dispatch);
  };
}

export function listActive(state, listType) {
  const list = findParent(state, [nodes.bullet_list, nodes.ordered_list]);
  return !!list && list.node.type === listType;
}

/** Quote: wrap the selected paragraphs, or unwrap the quote (a non-empty attribution stays as a paragraph). */
export function toggleQuote(state, dispatch) {
  const quote = findParent(state, nodes.quote);
  if (quote) {
    if (dispatch) {
      const blocks = [];
      quote.node.forEach((child) => {
        if (child.type === nodes.attribution) {
          if (child.content.size) blocks.push(nodes.paragraph.create(null, child.content));
        } else {
          blocks.push(child);
        }
      });
      const tr = state.tr.replaceWith(quote.pos, quote.pos + quote.node.nodeSize, blocks);
      const head = Math.min(state.selection.head - 1, tr.doc.content.size);
      tr.setSelection(Selection.near(tr.doc.resolve(Math.max(0, head))));
      dispatch(tr.scrollIntoView());
    }
    return true;
  }
  return wrapIn(nodes.quote)(state, dispatch);
}

/** Pull quote: the current paragraph becomes one (its text only), or a pull quote goes back to a paragraph. */
export function togglePullquote(state, dispatch) {
  if (blockActive(state, nodes.pullquote)) return setBlockType(nodes.paragraph)(state, dispatch);
  if (setBlockType(nodes.pullquote)(state)) return setBlockType(nodes.pullquote)(state, dispatch);
  return insertBlock(nodes.pullquote.create())(state, dispatch);
}

/** Fact box: wrap the selected blocks, or insert an empty one. */
export function insertCallout(state, dispatch) {
  if (findParent(state, nodes.callout)) return false;
  const { $from } = state.selection;
  if ($from.parent.type === nodes.paragraph && $from.parent.content.size > 0 && wrapIn(nodes.callout)(state)) {
    return wrapIn(nodes.callout, { title: "Fact box" })(state, dispatch);
  }
  return insertBlock(nodes.callout.create(null, nodes.paragraph.create()))(state, dispatch);
}

/**
 * Where a new block goes: replacing the empty paragraph the cursor is in, or before/after the block the cursor
 * is in (before when at its very start), or after a selected block. Returns {from, to} or null.
 */
export function blockInsertRange(state, type) {
  const sel = state.selection;
  if (sel instanceof NodeSelection) {
    const at = insertPoint(state.doc, sel.to, type);
    return at == null ? null : { from: at, to: at };
  }
  const { $from } = sel;
  if ($from.parent.isTextblock && $from.depth > 0) {
    const parentDepth = $from.depth - 1;
    const container = $from.node(parentDepth);
    const index = $from.index(parentDepth);
    if ($from.parent.type === nodes.paragraph && $from.parent.content.size === 0
        && container.canReplaceWith(index, index + 1, type)) {
      return { from: $from.before(), to: $from.after() };
    }
    const pos = $from.parentOffset === 0 && $from.parent.content.size > 0 ? $from.before() : $from.after();
    const at = insertPoint(state.doc, pos, type);
    return at == null ? null : { from: at, to: at };
  }
  const at = insertPoint(state.doc, $from.pos, type);
  return at == null ? null : { from: at, to: at };
}

/**
 * Inserts a block node. Afterwards the cursor goes into the new block when it has text, else into the paragraph
 * after it (one is added when the block ends its container).
 */
export function insertBlock(node, { range: fixedRange, select = "auto" } = {}) {
  return (state, dispatch) => {
    const range = fixedRange || blockInsertRange(state, node.type);
    if (!range) return false;
    if (!dispatch) return true;
    const tr = state.tr.replaceWith(range.from, range.to, node);
    const start = tr.mapping.map(range.from, -1);
    const end = start + node.nodeSize;
    const $end = tr.doc.resolve(end);
    if ($end.index() >= $end.parent.childCount && $end.parent.canReplaceWith($end.index(), $end.index(), nodes.paragraph)) {
      tr.insert(end, nodes.paragraph.create());
    }
    if (select === "node" && NodeSelection.isSelectable(node)) {
      tr.setSelection(NodeSelection.create(tr.doc, start));
    } else if (!node.isAtom) {
      tr.setSelection(Selection.near(tr.doc.resolve(start + 1)));
    } else {
      const after = tr.doc.resolve(end);
      const next = after.nodeAfter;
      if (next && next.isTextblock) tr.setSelection(TextSelection.create(tr.doc, end + 1));
      else tr.setSelection(NodeSelection.create(tr.doc, start));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

export function canInsert(state, type) {
  return blockInsertRange(state, type) != null;
}

export function insertDivider(state, dispatch) {
  return insertBlock(nodes.divider.create())(state, dispatch);
}

export function createTable(rows = 3, cols = 3) {
  const cell = (type) => type.createAndFill();
  const header = nodes.table_row.create(null, Array.from({ length: cols }, () => cell(nodes.table_header)));
  const body = Array.from({ length: rows - 1 }, () => nodes.table_row.create(null, Array.from({ length: cols }, () => cell(nodes.table_cell))));
  return nodes.table.create(null, [header, ...body]);
}

export function insertTable(state, dispatch) {
  if (isInTable(state)) return false;
  return insertBlock(createTable(3, 3))(state, dispatch);
}

export function insertQuoteBlock(state, dispatch) {
  if (wrapIn(nodes.quote)(state) && state.selection.$from.parent.content.size > 0) return toggleQuote(state, dispatch);
  return insertBlock(nodes.quote.create(null, [nodes.paragraph.create(), nodes.attribution.create()]))(state, dispatch);
}

export function canInsertInline(state, type) {
  const { $from } = state.selection;
  if (!$from.parent.inlineContent) return false;
  return $from.parent.canReplaceWith($from.index(), $from.indexAfter(), type);
}

export function insertHardBreak(state, dispatch) {
  if (!canInsertInline(state, nodes.hard_break)) return false;
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
}

export function insertFootnote(text) {
  return (state, dispatch) => {
    if (!canInsertInline(state, nodes.footnote)) return false;
    if (dispatch) {
      const node = nodes.footnote.create(null, text ? schema.text(text) : null);
      const tr = state.tr.replaceSelectionWith(node, true);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Enter inside a quote: on an empty last paragraph it leaves the paragraph and moves into the attribution
 * (adding it if missing); in the attribution it leaves the quote for a new paragraph after it.
 */
export function quoteEnter(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth < 2) return false;
  const quote = $from.node(-1);
  if (quote.type !== nodes.quote) return false;
  const quotePos = $from.before(-1);
  if ($from.parent.type === nodes.attribution) {
    if (!dispatch) return true;
    const after = quotePos + quote.nodeSize;
    const tr = state.tr;
    if ($from.parentOffset < $from.parent.content.size) {
      // Split: text after the cursor goes to the new paragraph.
      const rest = $from.parent.content.cut($from.parentOffset);
      tr.delete($from.pos, $from.end());
      const mapped = tr.mapping.map(after);
      tr.insert(mapped, nodes.paragraph.create(null, rest));
      tr.setSelection(TextSelection.create(tr.doc, mapped + 1));
    } else {
      tr.insert(after, nodes.paragraph.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
    }
    dispatch(tr.scrollIntoView());
    return true;
  }
  if ($from.parent.type !== nodes.paragraph) return false;
  const index = $from.index(-1);
  const last = quote.lastChild;
  const isLastParagraph = last.type === nodes.attribution ? index === quote.childCount - 2 : index === quote.childCount - 1;
  if ($from.parent.content.size !== 0 || !isLastParagraph || index === 0) {
    // A plain split, but always into another paragraph (the default after a paragraph here is the attribution).
    return splitBlockAs(() => ({ type: nodes.paragraph }))(state, dispatch);
  }
  if (!dispatch) return true;
  const tr = state.tr.delete($from.before(), $from.after());
  const quoteAfter = tr.doc.nodeAt(quotePos);
  if (quoteAfter.lastChild.type === nodes.attribution) {
    const attributionEnd = quotePos + quoteAfter.nodeSize - 2;
    tr.setSelection(TextSelection.create(tr.doc, attributionEnd));
  } else {
    const at = quotePos + quoteAfter.nodeSize - 1;
    tr.insert(at, nodes.attribution.create());
    tr.setSelection(TextSelection.create(tr.doc, at + 1));
  }
  dispatch(tr.scrollIntoView());
  return true;
}

/** Enter in a pull quote or a fact box title never splits it: it continues with a paragraph after the block. */
export function pullquoteEnter(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type !== nodes.pullquote) return false;
  if (!dispatch) return true;
  const after = $from.after();
  const tr = state.tr;
  const rest = $from.parent.content.cut($from.parentOffset);
  if (rest.size) tr.delete($from.pos, $from.end());
  const at = tr.mapping.map(after);
  tr.insert(at, nodes.paragraph.create(null, rest.size ? rest : null));
  tr.setSelection(TextSelection.create(tr.doc, at + 1));
  dispatch(tr.scrollIntoView());
  return true;
}

/** Expands an empty selection inside a link to the whole link: {from, to, mark} or null. */
export function linkRange(state) {
  const type = schema.marks.link;
  const { $from, from, to, empty } = state.selection;
  if (!empty) {
    let mark = null;
    state.doc.nodesBetween(from, to, (node) => {
      if (!mark && node.isText) mark = type.isInSet(node.marks) || null;
    });
    return { from, to, mark };
  }
  const mark = type.isInSet($from.marks()) || ($from.nodeBefore && type.isInSet($from.nodeBefore.marks))
    || ($from.nodeAfter && type.isInSet($from.nodeAfter.marks));
  if (!mark) return null;
  const parent = $from.parent;
  const parentStart = $from.start();
  // Walk children of the textblock to find the contiguous run carrying this mark around the cursor.
  const runs = [];
  parent.forEach((child, childOffset) => {
    runs.push({ from: parentStart + childOffset, to: parentStart + childOffset + child.nodeSize, has: !!mark.isInSet(child.marks) });
  });
  let i = runs.findIndex((r) => r.from <= $from.pos && r.to >= $from.pos && r.has);
  if (i < 0) return null;
  let j = i;
  while (i > 0 && runs[i - 1].has) i -= 1;
  while (j < runs.length - 1 && runs[j + 1].has) j += 1;
  return { from: runs[i].from, to: runs[j].to, mark };
}

export function setLink(href, title) {
  return (state, dispatch) => {
    const type = schema.marks.link;
    const range = linkRange(state);
    const mark = type.create({ href, title: title || null });
    if (!dispatch) return true;
    const tr = state.tr;
    if (range && range.from !== range.to) {
      tr.removeMark(range.from, range.to, type).addMark(range.from, range.to, mark);
    } else {
      const { from } = state.selection;
      tr.insert(from, schema.text(href, [mark]));
      tr.setSelection(TextSelection.create(tr.doc, from + href.length));
      tr.removeStoredMark(type);
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

export function removeLink(state, dispatch) {
  const range = linkRange(state);
  if (!range || !range.mark) return false;
  if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, schema.marks.link));
  return true;
}

