package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The query interface readers' pages use, over articles written through the write path. */
@EmptySiteTest
class PublishedArticlesTests {

    private static final Instant BASE = Instant.parse("2025-06-01T12:00:00Z");

    @Autowired PublishedArticles articles;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Section section;
    Author first;
    Author second;
    Stories stories;

    @BeforeEach
    void desk() {
        // every test gets its own section and authors, so lists it reads hold only its own articles
        String unique = UUID.randomUUID().toString().substring(0, 8);
        section = sections.create("Desk " + unique, "Test desk", 0);
        first = authors.create("Writer " + unique, "Reporter", "Writes tests.", null, List.of());
        second = authors.create("Editor " + unique, "Editor", "Edits tests.", null, List.of());
        stories = new Stories(publishing);
    }

    private ArticleContent content(String headline, List<Long> authorIds) {
        return ArticleContent.markdown(headline, null, "A standfirst.", section.id(), authorIds, List.of("Peace talks", "Geneva"),
                "First paragraph.\n\nSecond *paragraph*.", null, "en");
    }

    private EditableArticle publish(String headline, Instant at, Long... authorIds) {
        return stories.publish(content(headline, List.of(authorIds)), at);
    }

    @Test
    void aPublishedArticleIsReadBackWithBylinesInOrderTagsAndRenderedBody() {
        EditableArticle saved = publish("Talks resume in Geneva " + section.slug(), BASE, second.id(), first.id());

        ArticleView view = articles.article(saved.slug()).orElseThrow();
        assertThat(view.headline()).isEqualTo("Talks resume in Geneva " + section.slug());
        assertThat(view.section().slug()).isEqualTo(section.slug());
        assertThat(view.bylines()).extracting(Byline::name).containsExactly(second.name(), first.name());
        assertThat(view.tagNames()).containsExactly("Peace talks", "Geneva");
        assertThat(view.tags()).extracting(TagRef::url).containsExactly("/tags/peace-talks", "/tags/geneva");
        assertThat(view.bodyHtml()).isEqualTo("<p>First paragraph.</p>\n<p>Second <em>paragraph</em>.</p>");
        assertThat(view.publishedAt()).isEqualTo(BASE);
        assertThat(view.readingMinutes()).isEqualTo(1);
        assertThat(jdbc.sql("select body_text from article where id = ?").param(saved.id()).query(String.class).single())
                .isEqualTo("First paragraph.\n\nSecond paragraph.");
    }

    @Test
    void draftsAreInvisibleToReaders() {
        EditableArticle draft = stories.draft(content("Unpublished draft " + section.slug(), List.of(first.id())));

        assertThat(articles.article(draft.slug())).isEmpty();
        assertThat(articles.inSection(section.id(), null, 10).items()).isEmpty();
        assertThat(articles.byAuthor(first.id(), null, 10).items()).isEmpty();
        assertThat(new ReaderClient(port).get(ArticleView.urlOf(draft.slug())).statusCode()).isEqualTo(404);
    }

    @Test
    void readingTimeSurvivesLoadingAndSavingAnArticleWithImages() {
        String body = "word ".repeat(200) + "\n\n![One](https://example.org/1.jpg)\n\n![Two](https://example.org/2.jpg)";
        EditableArticle article = stories.draft(ArticleContent.markdown("Images " + section.slug(), null, null, section.id(),
                List.of(first.id()), List.of(), body, null, "en"));
        assertThat(article.readingMinutes()).isEqualTo(2); // 50.4 s of words + 12 s + 11 s
        EditableArticle loaded = stories.current(article.id());
        assertThat(loaded.body().imageCount()).isEqualTo(2);
        assertThat(loaded.readingMinutes()).isEqualTo(2);
    }

    @Test
    void aTagWithoutLettersOrDigitsIsRefusedWithAFieldMessage() {
        long before = jdbc.sql("select count(*) from article").query(Long.class).single();
        assertThatThrownBy(() -> stories.draft(ArticleContent.markdown("Emoji tag " + section.slug(), null, null, section.id(),
                List.of(first.id()), List.of("🎉"), "Body", null, "en"))).isInstanceOfSatisfying(ArticleValidationException.class,
                e -> assertThat(e.errors()).containsKey("tags"));
        assertThat(jdbc.sql("select count(*) from article").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void publishingADraftPutsItOnItsAuthorsPages() {
        EditableArticle draft = stories.draft(content("Draft then published " + section.slug(), List.of(first.id(), second.id())));
        int readingMinutes = draft.readingMinutes();
        stories.publishNow(draft);
        assertThat(articles.article(draft.slug()).orElseThrow().readingMinutes()).isEqualTo(readingMinutes);

        assertThat(articles.byAuthor(first.id(), null, 10).items()).extracting(ArticleSummary::id).containsExactly(draft.id());
        assertThat(articles.byAuthor(second.id(), null, 10).items()).extracting(ArticleSummary::id).containsExactly(draft.id());
    }

    @Test
    void aRenamedArticleRedirectsFromItsOldAddressPermanently() {
        EditableArticle article = publish("Original headline " + section.slug(), BASE, first.id());
        String oldSlug = article.slug();
        stories.revise(article, content("Better headline " + section.slug(), List.of(first.id())));

        ReaderClient reader = new ReaderClient(port);
        HttpResponse<String> old = reader.get(ArticleView.urlOf(oldSlug));
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(ArticleView.urlOf("better-headline-" + section.slug())));
        assertThat(reader.get(ArticleView.urlOf("better-headline-" + section.slug())).statusCode()).isEqualTo(200);
    }

    @Test
    void aSlugTheWriterChoseThatIsInUseIsRefusedAndNothingIsHalfWritten() {
        EditableArticle original = publish("Same headline " + section.slug(), BASE, first.id());
        long articlesBefore = jdbc.sql("select count(*) from article").query(Long.class).single();
        long bylinesBefore = jdbc.sql("select count(*) from article_author").query(Long.class).single();

        ArticleContent sameSlug = ArticleContent.markdown("Another headline " + section.slug(), original.slug(), null,
                section.id(), List.of(first.id()), List.of(), "Body.", null, "en");
        assertThatThrownBy(() -> stories.publish(sameSlug, BASE.plusSeconds(5)))
                .isInstanceOf(ArticleException.class)
                .hasMessageContaining("already uses the slug");
        assertThat(jdbc.sql("select count(*) from article").query(Long.class).single()).isEqualTo(articlesBefore);
        assertThat(jdbc.sql("select count(*) from article_author").query(Long.class).single()).isEqualTo(bylinesBefore);

        // the same headline again, without a chosen slug: the address is made unique, as writers expect
        assertThat(publish("Same headline " + section.slug(), BASE.plusSeconds(10), first.id()).slug())
                .isEqualTo(original.slug() + "-2");
    }

    @Test
    void newsFeedPagesHaveNoDuplicatesOrGapsWhileNewArticlesArrive() {
        assertKeysetPagination((cursor, size) -> articles.latest(cursor, size), true);
    }

    @Test
    void sectionPagesHaveNoDuplicatesOrGapsWhileNewArticlesArrive() {
        assertKeysetPagination((cursor, size) -> articles.inSection(section.id(), cursor, size), false);
    }

    @Test
    void authorPagesHaveNoDuplicatesOrGapsWhileNewArticlesArrive() {
        assertKeysetPagination((cursor, size) -> articles.byAuthor(first.id(), cursor, size), false);
    }

    /**
     * Publishes 35 articles, several sharing a timestamp (ties are broken by id), then pages through them in
     * sevens while three newer articles arrive between every page load.
     */
    private void assertKeysetPagination(BiFunction<Cursor, Integer, Slice<ArticleSummary>> list, boolean wholeSite) {
        // The whole-site feed also holds other tests' articles, some backdated to archive years: this walk starts
        // below all of them.
        Instant start = wholeSite ? Instant.parse("1971-01-01T00:00:00Z") : BASE;
        Instant newer = start.plus(Duration.ofDays(1));
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            Instant at = start.plus(Duration.ofMinutes(i / 3)); // three articles a minute share a published_at
            expected.add(0, publish("Keyset story " + i + " " + section.slug(), at, first.id()).id());
        }
        Cursor cursor = wholeSite ? new Cursor(newer, 0) : null;
        List<Long> seen = new ArrayList<>();
        int arrivals = 0;
        for (int pages = 0; pages < 100; pages++) {
            Slice<ArticleSummary> page = list.apply(cursor, 7);
            page.items().forEach(item -> seen.add(item.id()));
            if (!page.hasNext()) {
                break;
            }
            cursor = page.next();
            for (int i = 0; i < 3; i++) {
                publish("Breaking story " + arrivals + " " + section.slug(), newer.plusSeconds(++arrivals), first.id());
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(arrivals).as("new articles arrived between the five page loads").isEqualTo(12);
    }
}
