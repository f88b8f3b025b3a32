package org.masthead.api.nql;

import java.util.List;
import java.util.Objects;

/**
 * A compiled filter: a parenthesised boolean SQL expression with one {@code ?} per parameter, in order, ready to
 * follow {@code where … and} and to go to {@code JdbcClient.sql(…).params(params)}. Values only ever travel in
 * {@code params}; the SQL text holds nothing but the application's field SQL and fixed keywords.
 */
public record SqlCondition(String sql, List<Object> params) {
    public SqlCondition {
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
    }
}
