package org.masthead.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.masthead.content.Actor;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.media.MediaStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * A whole site moved: the demo newsroom exported (Ghost JSON and media zip) and imported into an empty Masthead
 * comes out the same — every article and page with its ids, slug, texts, rendered body, status, dates, section,
 * bylines in order, tags in order, lead picture (the same bytes) with alt, caption and credit, search and social
 * fields; every author, tag and section; and its earlier addresses still redirecting.
 */
class ArchiveRoundTripTests {

    @TempDir Path folder;

    @Test
    void aSiteExportedAndImportedIntoAnEmptyMastheadIsTheSame() throws Exception {
        try (ConfigurableApplicationContext source = start("roundtrip-source", true);
             ConfigurableApplicationContext target = start("roundtrip-target", false)) {
            String renamedFrom = renameOneArticle(source);
            Path json = folder.resolve("site.json");
            Path zip = folder.resolve("site-media.zip");
            GhostExport export = source.getBean(GhostExport.class);
            try (OutputStream out = Files.newOutputStream(json); OutputStream media = Files.newOutputStream(zip)) {
                export.write(out);
                export.writeMedia(media);
            }

            ImportReport report = target.getBean(ArchiveImporter.class)
                    .run(new ArchiveImporter.Request(json, zip, false, "round trip"), progress -> { });

            assertThat(report.failed()).as(report.text(null)).isZero();
            assertThat(report.imagesFailed()).as(report.text(null)).isZero();
            assertThat(leadPictures(target)).isEqualTo(leadPictures(source));
            assertThat(differences(posts(source), posts(target))).isEmpty();
            assertThat(people(target)).isEqualTo(people(source));
            assertThat(taxonomy(target)).isEqualTo(taxonomy(source));

            HttpResponse<Void> moved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port(target) + "/articles/" + renamedFrom)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(moved.statusCode()).isEqualTo(301);
        }
    }

    private static ConfigurableApplicationContext start(String name, boolean demo) {
        Path data = Path.of("target", "test-data", name);
        FileSystemUtils.deleteRecursively(data.toFile());
        return new SpringApplicationBuilder(MastheadApplication.class).run("--server.port=0",
                "--masthead.data-dir=" + data, "--masthead.embedded-database.ephemeral=true",
                "--masthead.demo-content=" + demo, "--masthead.import.resume-on-start=false");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** A published article given a new slug: its old one must redirect on the new site too. */
    private static String renameOneArticle(ConfigurableApplicationContext source) {
        JdbcClient jdbc = source.getBean(JdbcClient.class);
        long id = jdbc.sql("select id from content_post where kind = 'article' and status = 'published' order by id limit 1")
                .query(Long.class).single();
        Publishing publishing = source.getBean(Publishing.class);
        Actor system = Actor.system("round trip test");
        EditableArticle article = publishing.view(system, id);
        String old = article.slug();
        publishing.revise(system, new Publishing.Revise(id, article.version(), article.content().withSlug(old + "-renamed"),
                "", Publishing.Then.KEEP));
        return old;
    }

    /** Every article and page as readers and the newsroom see it, by its Ghost id. */
    private static Map<String, Map<String, Object>> posts(ConfigurableApplicationContext app) {
        Map<String, Map<String, Object>> posts = new TreeMap<>();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        jdbc.sql("""
                select p.id, p.public_id, p.uuid::text as uuid, p.kind, p.slug, p.headline, p.standfirst,
                    case p.status when 'unpublished' then 'draft' else p.status end as status, p.featured, p.language,
                    p.section_slug, p.body_html, p.body_text, p.published_at, p.scheduled_at, p.lead_image_alt,
                    p.lead_image_caption, p.lead_image_credit, p.meta_title, p.meta_description, p.og_title,
                    p.og_description, p.twitter_title, p.twitter_description, p.canonical_url,
                    (select string_agg(pa.slug, ',' order by pa.position) from content_post_author pa where pa.article_id = p.id) as bylines,
                    (select string_agg(pt.slug, ',' order by pt.position) from content_post_tag pt where pt.article_id = p.id) as tags
                from content_post p
                """).query(rs -> {
            Map<String, Object> post = new TreeMap<>();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                String label = rs.getMetaData().getColumnLabel(column);
                if (!label.equals("id")) {
                    Object value = rs.getObject(column);
                    // library ids are the site's own; the pictures themselves are compared by file below
                    post.put(label, value == null ? "" : value.toString().replaceAll(" data-media-id=\"\\d+\"", ""));
                }
            }
            posts.put(rs.getString("public_id"), post);
        });
        return posts;
    }

    /** What differs, field by field, shortened: a readable failure instead of two whole sites side by side. */
    private static List<String> differences(Map<String, Map<String, Object>> expected, Map<String, Map<String, Object>> actual) {
        List<String> differences = new java.util.ArrayList<>();
        expected.forEach((id, post) -> {
            Map<String, Object> other = actual.get(id);
            if (other == null) {
                differences.add(id + " (" + post.get("slug") + ") is missing");
                return;
            }
            post.forEach((field, value) -> {
                if (!value.equals(other.get(field))) {
                    String mine = String.valueOf(value);
                    String theirs = String.valueOf(other.get(field));
                    int from = 0;
                    while (from < Math.min(mine.length(), theirs.length()) && mine.charAt(from) == theirs.charAt(from)) {
                        from++;
                    }
                    from = Math.max(0, from - 40); // where they part, with a little before it
                    differences.add(id + " " + post.get("slug") + " " + field + ": …" + shortened(mine.substring(from))
                            + " ≠ …" + shortened(theirs.substring(from)));
                }
            });
        });
        actual.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(id -> differences.add(id + " is new"));
        return differences;
    }

    private static String shortened(Object value) {
        String text = String.valueOf(value).replace("\n", "⏎");
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static List<String> people(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("""
                select slug || '|' || name || '|' || job_title || '|' || bio || '|' || coalesce(avatar_file, '')
                from (select a.slug, a.name, a.job_title, a.bio, m.file_name as avatar_file
                      from content_author a left join media_picture m on m.media_id = a.avatar_id) people
                where exists (select 1 from content_post_author pa where pa.slug = people.slug)
                order by slug
                """).query(String.class).list();
    }

    private static List<String> taxonomy(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<String> tags = jdbc.sql("""
                select 'tag|' || t.slug || '|' || t.name || '|' || coalesce(t.description, '') from content_tag t
                where exists (select 1 from content_post_tag pt where pt.tag_id = t.id) order by t.slug
                """).query(String.class).list();
        List<String> sections = jdbc.sql("""
                select 'section|' || s.slug || '|' || s.name || '|' || s.description from content_section s
                where exists (select 1 from content_post p where p.section_id = s.id) order by s.slug
                """).query(String.class).list();
        return java.util.stream.Stream.concat(tags.stream(), sections.stream()).toList();
    }

    /** Each article's lead picture by the hash of its bytes: the same picture, not merely the same name. */
    private static Map<String, String> leadPictures(ConfigurableApplicationContext app) throws Exception {
        MediaStore store = app.getBean(MediaStore.class);
        Map<String, String> pictures = new TreeMap<>();
        for (Map.Entry<String, String> lead : app.getBean(JdbcClient.class).sql("""
                select p.public_id, m.file_name from content_post p join media_picture m on m.media_id = p.lead_image_id
                """).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()) {
            byte[] bytes;
            try (var in = store.get(lead.getValue()).orElseThrow().getInputStream()) {
                bytes = in.readAllBytes();
            }
            pictures.put(lead.getKey(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        return pictures;
    }
}
