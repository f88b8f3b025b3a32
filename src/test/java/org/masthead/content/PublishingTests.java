package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Listeners;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.masthead.support.Words;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The one write path: a command is one transaction that writes everything or nothing, and each change is indexed once. */
@EmptySiteTest
class PublishingTests {

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @LocalServerPort int port;

    Staff staff;

    @BeforeEach
    void staff() {
        staff = Staff.create(sections, authors, accounts);
    }

    private ArticleContent content(String headline, String body) {
        return ArticleContent.markdown(headline, null, null, staff.section().id(), List.of(staff.byline().id()),
                List.of("Harbour"), body, null, "en");
    }

    @Test
    void aContributorPressingPublishOnAnEditedArticleGets403AndNothingChanges() {
        EditableArticle draft = publishing.create(Staff.actor(staff.contributor()), new Publishing.Create(ArticleKind.ARTICLE,
                content("Contributor draft " + staff.section().slug(), "First words."), "", Publishing.Then.KEEP));
        String before = everythingAbout(draft.id());

        NewsroomClient contributor = NewsroomClient.signedIn(port, staff.contributor().email(), Staff.PASSWORD);
        HttpResponse<String> publish = contributor.post("/admin/articles/" + draft.id(), List.of(
                Map.entry("headline", "Contributor draft, edited " + staff.section().slug()),
                Map.entry("sectionId", String.valueOf(staff.section().id())),
                Map.entry("authorIds", String.valueOf(staff.byline().id())), Map.entry("bodyMarkdown", "Edited words."),
                Map.entry("version", String.valueOf(draft.version())), Map.entry("action", "publish")));

        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(everythingAbout(draft.id())).as("article, bylines, revisions and audit log unchanged").isEqualTo(before);
    }

    @Test
    void publishingIsOneTransactionWithOneRowRewriteOneRevisionOneAuditLineAndOneReindex() {
        EditableArticle draft = publishing.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.ARTICLE,
                content("Counted publish " + staff.section().slug(), "Before."), "", Publishing.Then.KEEP));
        Listeners.awaitAll(jdbc);

        // Inside the command's own transaction PostgreSQL counts what this backend wrote; counts still pending from
        // earlier transactions on the same pooled connection are subtracted by taking them first.
        Map<String, Long> written = transactions.execute(status -> {
            Map<String, Long> before = rowsWrittenByThisBackend();
            publishing.revise(Staff.actor(staff.editor()), new Publishing.Revise(draft.id(), draft.version(),
                    content("Counted publish " + staff.section().slug(), "After."), "", Publishing.Then.PUBLISH));
            Map<String, Long> after = new java.util.TreeMap<>(rowsWrittenByThisBackend());
            after.replaceAll((what, n) -> n - before.getOrDefault(what, 0L));
            after.values().removeIf(n -> n == 0);
            return after;
        });
        // Bylines and tags are not rewritten; their rows only take the publication time that orders author and tag
        // pages (one byline, one tag here).
        assertThat(written).containsExactlyInAnyOrderEntriesOf(Map.of("article:updated", 1L,
                "article_revision:inserted", 1L, "audit_log:inserted", 1L,
                "article_author:updated", 1L, "article_tag:updated", 1L));

        Listeners.awaitAll(jdbc);
        // the search listener heard the draft's creation (nothing for readers: no indexing) and the one publish
        assertThat(jdbc.sql("""
                select event_type from event_publication_archive
                where listener_id like '%SearchIndexer%' and serialized_event like ? order by publication_date
                """).param("%\"current\":{\"id\":" + draft.id() + ",%").query(String.class).list())
                .containsExactly(ArticleEvent.Created.class.getName(), ArticleEvent.Published.class.getName());
        assertThat(jdbc.sql("select count(*) from search_document where article_id = ?").param(draft.id())
                .query(Long.class).single()).isEqualTo(1);

        // Without a surrounding transaction, a command's rows still carry one transaction id: it committed once.
        EditableArticle published = publishing.view(Staff.actor(staff.editor()), draft.id());
        publishing.revise(Staff.actor(staff.editor()), new Publishing.Revise(draft.id(), published.version(),
                content("Counted publish " + staff.section().slug(), "After, corrected."), "", Publishing.Then.KEEP));
        assertThat(jdbc.sql("""
                select count(distinct xid) from (
                    select xmin::text as xid from article where id = :id
                    union all (select xmin::text from article_revision where article_id = :id order by id desc limit 1)
                    union all (select xmin::text from audit_log where article_id = :id order by id desc limit 1)) x
                """).param("id", draft.id()).query(Long.class).single()).isEqualTo(1);
    }

    private Map<String, Long> rowsWrittenByThisBackend() {
        return jdbc.sql("""
                select relname || ':' || kind as what, n from (
                    select relname, 'updated' as kind, n_tup_upd as n from pg_stat_xact_user_tables
                    union all select relname, 'inserted', n_tup_ins from pg_stat_xact_user_tables
                    union all select relname, 'deleted', n_tup_del from pg_stat_xact_user_tables) x
                where relname in ('article', 'article_revision', 'audit_log', 'article_author', 'article_tag')
                """).query((rs, row) -> Map.entry(rs.getString("what"), rs.getLong("n"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void renamingAnAuthorOrASectionReindexesTheirArticles() {
        Stories stories = new Stories(publishing);
        String headline = "Quay repairs " + staff.section().slug();
        stories.publish(content(headline, "The quay is mended."), java.time.Instant.now());
        Listeners.awaitAll(jdbc);
        String newAuthorWord = "ottoline" + Words.randomLetters(6);
        String newSectionWord = "waterfront" + Words.randomLetters(6);
        ReaderClient reader = new ReaderClient(port);
        assertThat(searchHeadlines(reader, newAuthorWord)).isEmpty();
        assertThat(searchHeadlines(reader, newSectionWord)).isEmpty();

        authors.update(staff.byline().id(), "Ottoline " + newAuthorWord, "Reporter", "", null, List.of());
        sections.update(staff.section().id(), "Waterfront " + newSectionWord, "", 0);
        Listeners.awaitAll(jdbc);

        assertThat(searchHeadlines(reader, newAuthorWord)).containsExactly(headline);
        assertThat(searchHeadlines(reader, newSectionWord)).containsExactly(headline);
    }

    private static List<String> searchHeadlines(ReaderClient reader, String query) {
        return reader.page("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).select(".search-result h3 a").eachText();
    }

    @Test
    void aStaticPageSharesTheWritePathButHasNoSectionFeedOrNewsFeed() {
        EditableArticle page = publishing.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.PAGE,
                ArticleContent.markdown("Ethics " + staff.section().slug(), null, "How we work.", null, List.of(), List.of(),
                        "We check every fact twice.", null, "en"), "", Publishing.Then.PUBLISH));
        ReaderClient reader = new ReaderClient(port);
        var shown = reader.page("/" + page.slug());
        assertThat(shown.selectFirst("h1").text()).isEqualTo("Ethics " + staff.section().slug());
        assertThat(shown.select(".footer-links a").eachText()).contains("Ethics " + staff.section().slug());
        String story = "Harbour story " + staff.section().slug();
        new Stories(publishing).publish(content(story, "Boats."), java.time.Instant.now());
        Listeners.awaitAll(jdbc);
        assertThat(reader.page("/news-feed").select(".feed-item a").eachText()).contains(story)
                .doesNotContain("Ethics " + staff.section().slug());
        assertThat(reader.get("/feed.xml").body()).doesNotContain("Ethics " + staff.section().slug());
        assertThat(reader.page("/").select("main a").eachText()).doesNotContain("Ethics " + staff.section().slug());
        assertThat(jdbc.sql("select count(*) from article_revision where article_id = ?").param(page.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select action from audit_log where article_id = ?").param(page.id())
                .query(String.class).list()).containsExactly("created and published");
    }

    @Test
    void anHtmlBodyPassesTheSameSanitizerAsMarkdown() {
        EditableArticle article = new Stories(publishing).publish(new ArticleContent("Imported " + staff.section().slug(), null,
                null, staff.section().id(), List.of(staff.byline().id()), List.of(),
                "<p onclick=\"x()\">From <b>elsewhere</b><script>steal()</script></p><h1>Big</h1>",
                org.masthead.body.BodyFormat.HTML, null, "en"), java.time.Instant.now());
        assertThat(article.body().html()).isEqualTo("<p>From <b>elsewhere</b></p><h2>Big</h2>");
        assertThat(article.body().text()).isEqualTo("From elsewhere\n\nBig");
        assertThat(jdbc.sql("select body_format from article where id = ?").param(article.id()).query(String.class).single())
                .isEqualTo("html");
    }

    /** The article's row, bylines, tags, revisions and audit lines, as one comparable text. */
    private String everythingAbout(long id) {
        List<String> parts = new ArrayList<>();
        parts.add(jdbc.sql("select a::text from article a where id = ?").param(id).query(String.class).single());
        parts.addAll(jdbc.sql("select aa::text from article_author aa where article_id = ? order by position").param(id).query(String.class).list());
        parts.addAll(jdbc.sql("select at::text from article_tag at where article_id = ? order by position").param(id).query(String.class).list());
        parts.addAll(jdbc.sql("select r::text from article_revision r where article_id = ? order by number").param(id).query(String.class).list());
        parts.addAll(jdbc.sql("select l::text from audit_log l where article_id = ? order by id").param(id).query(String.class).list());
        return String.join("\n", parts);
    }
}
