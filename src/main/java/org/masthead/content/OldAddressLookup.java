package org.masthead.content;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.masthead.system.OldAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Imported articles' old addresses, for the published ones: with or without the trailing slash, encoded or not. */
@Component
class OldAddressLookup implements OldAddresses {

    private final JdbcClient jdbc;

    OldAddressLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> find(String path, String query) {
        if (path == null || !path.startsWith("/") || path.length() > 2000) {
            return Optional.empty();
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String form : forms(path)) {
            String full = query == null || query.isEmpty() ? form : form + "?" + query;
            candidates.add(full);
            if (query == null || query.isEmpty()) {
                candidates.add(form.endsWith("/") && form.length() > 1 ? form.substring(0, form.length() - 1) : form + "/");
            }
        }
        return jdbc.sql("""
                select a.kind, a.slug from article_old_path o join article a on a.id = o.article_id
                where o.path = any(?) and a.status = 'published' limit 1
                """).param(candidates.toArray(String[]::new))
                .query((rs, n) -> ArticleKind.fromDb(rs.getString("kind")) == ArticleKind.PAGE ? "/" + rs.getString("slug")
                        : ArticleView.urlOf(rs.getString("slug")))
                .optional();
    }

    private static Set<String> forms(String path) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(path);
        try {
            forms.add(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            // a stray '%': only the path as sent can match
        }
        return forms;
    }
}
