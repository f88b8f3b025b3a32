package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.masthead.support.Stories;
import org.masthead.support.Words;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Tags are entities: articles keep pointing at one tag whatever an editor renames, and deleting one is safe. */
@EmptySiteTest
@RecordApplicationEvents
class TagsTests {

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Tags tags;
    @Autowired PublishedArticles articles;
    @Autowired ApplicationEvents events;
    @LocalServerPort int port;

    private ArticleContent story(String headline, Section section, Author author, String tag) {
        return ArticleContent.markdown(headline, null, null, section.id(), List.of(author.id()), List.of(tag), "Text.",
                null, "en");
    }

    @Test
    void aTagWhoseSlugAnEditorChangedStaysOneTagAndItsEventsNameTheRealSlug() {
        String word = Words.randomLetters(8);
        Section section = sections.create("Port desk " + word, "", 60);
        Author author = authors.create("Port writer " + word, "Reporter", "", null, List.of());
        Stories stories = new Stories(publishing);
        EditableArticle first = stories.publish(story("Cranes arrive " + word, section, author, "Harbour " + word),
                Instant.now().minusSeconds(10));
        Tag tag = tags.findBySlug("harbour-" + word).orElseThrow();

        tags.update(Actor.system("test"), tag.id(), "Harbour " + word, "port-" + word, "Ships and cranes.");
        EditableArticle second = stories.publish(story("Ships leave " + word, section, author, "Harbour " + word),
                Instant.now());

        assertThat(tags.all().stream().filter(use -> use.tag().name().equals("Harbour " + word)))
                .singleElement().satisfies(use -> {
                    assertThat(use.tag().slug()).isEqualTo("port-" + word);
                    assertThat(use.publishedArticles()).isEqualTo(2);
                });
        assertThat(tags.findBySlug("harbour-" + word)).as("no second tag under the old slug").isEmpty();
        ArticleEvent.Published published = events.stream(ArticleEvent.Published.class)
                .filter(event -> event.articleId() == second.id()).findFirst().orElseThrow();
        assertThat(published.current().tagSlugs()).containsExactly("port-" + word);
        assertThat(articles.article(first.slug()).orElseThrow().tags()).extracting(TagRef::slug).containsExactly("port-" + word);
        assertThat(new ReaderClient(port).page("/tags/port-" + word).select("main a").eachText())
                .contains("Cranes arrive " + word, "Ships leave " + word);
    }

    @Test
    void deletingATagTakesItOffItsArticlesAndAnEditorHoldingAnOldCopyCannotSaveItBack() {
        String word = Words.randomLetters(8);
        Section section = sections.create("Quay desk " + word, "", 61);
        Author author = authors.create("Quay writer " + word, "Reporter", "", null, List.of());
        EditableArticle open = new Stories(publishing).publish(story("Quay closes " + word, section, author, "Quay " + word),
                Instant.now());
        Tag tag = tags.findBySlug("quay-" + word).orElseThrow();

        tags.delete(Actor.system("test"), tag.id());

        assertThat(articles.article(open.slug()).orElseThrow().tags()).isEmpty();
        assertThatThrownBy(() -> publishing.revise(Stories.SYSTEM, new Publishing.Revise(open.id(), open.version(),
                story("Quay closes today " + word, section, author, "Quay " + word), "", Publishing.Then.KEEP)))
                .isInstanceOf(ArticleConflictException.class);
        assertThat(tags.findBySlug("quay-" + word)).isEmpty();
    }
}
