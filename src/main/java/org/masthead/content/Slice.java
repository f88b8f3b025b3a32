package org.masthead.content;

import java.util.List;

/** One page of a keyset-paginated list; {@code next} is null on the last page. */
public record Slice<T>(List<T> items, Cursor next) {

    public boolean hasNext() {
        return next != null;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
