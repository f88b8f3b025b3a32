package org.masthead.api.ghost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.masthead.api.GhostError;

/**
 * A browse request's query parameters as Ghost reads them: {@code limit} (15 by default, at most 100 as in
 * Ghost 6 — {@code all}, a larger number and even a non-number become 100), {@code page} (digits only),
 * {@code order} ({@code field asc|desc} pairs of known fields), {@code include}, {@code fields}, {@code formats}
 * and {@code filter}. Malformed values are Ghost's 422 ValidationErrors.
 */
public record ListParams(int limit, int page, String filter, Set<String> include, Set<String> fields,
                         Set<String> formats, List<String[]> order) {

    public static final int DEFAULT_LIMIT = 15;
    public static final int MAX_LIMIT = 100;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ORDER = Pattern.compile("(?i)[a-z0-9_,. ]+");
    private static final Set<String> FORMATS = Set.of("html", "plaintext", "mobiledoc", "lexical");

    public static ListParams of(Map<String, String[]> query) {
        return new ListParams(limit(one(query, "limit")), page(one(query, "page")), one(query, "filter"),
                list(one(query, "include")), list(one(query, "fields")), formats(one(query, "formats")),
                order(one(query, "order")));
    }

    public int offset() {
        return (page - 1) * limit;
    }

    /**
     * The ORDER BY for these fields (mapped to SQL by the caller's table of known fields), or the default.
     *
     * @param tiebreak the unique column that makes the order total, e.g. {@code p.id desc}
     */
    public String orderSql(Map<String, String> sortable, String defaultOrder, String tiebreak) {
        if (order.isEmpty()) {
            return defaultOrder;
        }
        List<String> terms = new ArrayList<>();
        for (String[] term : order) {
            String column = sortable.get(term[0]);
            if (column == null) {
                throw GhostError.validation("order", "Validation (matches) failed for order: \"" + term[0]
                        + "\" is not a field this list can be ordered by.");
            }
            terms.add(column + " " + term[1]);
        }
        return String.join(", ", terms) + ", " + tiebreak;
    }

    private static String one(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        return String.join(",", values);
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (DIGITS.matcher(value.strip()).matches()) {
            String digits = value.strip();
            int limit = digits.length() > 6 ? MAX_LIMIT : Integer.parseInt(digits);
            if (limit < 1) {
                throw GhostError.validation("limit", "Validation (matches) failed for limit");
            }
            return Math.min(limit, MAX_LIMIT);
        }
        return MAX_LIMIT; // Ghost 6 turns "all" and anything else that is not a number into its cap
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        if (!DIGITS.matcher(value.strip()).matches() || value.strip().length() > 9) {
            throw GhostError.validation("page", "Validation (matches) failed for page");
        }
        return Math.max(1, Integer.parseInt(value.strip()));
    }

    private static Set<String> list(String value) {
        Set<String> items = new LinkedHashSet<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return items;
    }

    private static Set<String> formats(String value) {
        Set<String> formats = list(value);
        for (String format : formats) {
            if (!FORMATS.contains(format)) {
                throw GhostError.validation("formats", "Validation (AllowedValues) failed for formats");
            }
        }
        return formats;
    }

    private static List<String[]> order(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (!ORDER.matcher(value).matches()) {
            throw GhostError.validation("order", "Validation (matches) failed for order");
        }
        List<String[]> terms = new ArrayList<>();
        for (String term : value.split(",")) {
            String[] words = Arrays.stream(term.strip().split("\\s+")).filter(word -> !word.isEmpty()).toArray(String[]::new);
            if (words.length == 0) {
                continue;
            }
            String direction = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            if (words.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                throw GhostError.validation("order", "Validation (matches) failed for order: use \"field asc\" or \"field desc\".");
            }
            terms.add(new String[]{words[0].toLowerCase(Locale.ROOT), direction});
        }
        return terms;
    }

    /** Ghost's pagination block, including its quirk: a page past the end still names the pages around it. */
    public Map<String, Object> pagination(long total) {
        long pages = Math.max(1, (total + limit - 1) / limit);
        Integer next = null;
        Integer prev = null;
        if (pages > 1) {
            if (page == 1) {
                next = page + 1;
            } else if (page == pages) {
                prev = page - 1;
            } else {
                next = page + 1;
                prev = page - 1;
            }
        }
        Map<String, Object> pagination = new java.util.LinkedHashMap<>();
        pagination.put("page", page);
        pagination.put("limit", limit);
        pagination.put("pages", pages);
        pagination.put("total", total);
        pagination.put("next", next);
        pagination.put("prev", prev);
        return Map.of("pagination", pagination);
    }
}
