package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.text.MarkdownRenderer;

class ArticleTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final Clock clock = Clock.fixed(Instant.parse("2026-02-20T10:00:00Z"), ZoneOffset.UTC);

    private ArticleContent content(String headline, List<Long> authors, LeadImage image) {
        return new ArticleContent(headline, null, null, 1, authors, List.of("Talks"), "Some *text*.", image, "en");
    }

    @Test
    void aDraftGetsItsSlugFromTheHeadlineAndRendersItsBody() {
        Article article = Article.draft(content("Peace talks resume", List.of(1L), null), renderer, clock);
        assertThat(article.slug()).isEqualTo("peace-talks-resume");
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.body().html()).isEqualTo("<p>Some <em>text</em>.</p>");
        assertThat(article.publishedAt()).isNull();
    }

    @Test
    void publishingStampsTheTimeFromTheClock() {
        Article article = Article.draft(content("Peace talks resume", List.of(1L), null), renderer, clock);
        article.publish(clock);
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-02-20T10:00:00Z"));
    }

    @Test
    void publishingTwiceIsRefused() {
        Article article = Article.draft(content("Peace talks resume", List.of(1L), null), renderer, clock);
        article.publish(clock);
        assertThatThrownBy(() -> article.publish(clock)).isInstanceOf(ArticleException.class).hasMessageContaining("already published");
    }

    @Test
    void anArticleWithoutAuthorsCannotBePublished() {
        Article article = Article.draft(content("Peace talks resume", List.of(), null), renderer, clock);
        assertThatThrownBy(() -> article.publish(clock)).isInstanceOf(ArticleException.class).hasMessageContaining("author");
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void aLeadImageNeedsAltTextAndCreditBeforePublishing() {
        Article article = Article.draft(content("Peace talks resume", List.of(1L), new LeadImage(5, "", "", " ")), renderer, clock);
        assertThatThrownBy(() -> article.publish(clock)).isInstanceOfSatisfying(ArticleValidationException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("leadImageAlt", "leadImageCredit"));
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void anEmptyHeadlineOrUnusableSlugIsRefused() {
        assertThatThrownBy(() -> Article.draft(content("  ", List.of(1L), null), renderer, clock))
                .isInstanceOf(ArticleException.class).hasMessageContaining("headline");
        assertThatThrownBy(() -> Article.draft(content("???", List.of(1L), null), renderer, clock))
                .isInstanceOf(ArticleException.class).hasMessageContaining("slug");
    }

    @Test
    void changingTheHeadlineWithoutASlugRetiresTheOldSlug() {
        Article article = Article.draft(content("Peace talks resume", List.of(1L), null), renderer, clock);
        article.revise(content("Peace talks resume in Geneva", List.of(1L), null), renderer, clock);
        assertThat(article.slug()).isEqualTo("peace-talks-resume-in-geneva");
        assertThat(article.takeRetiredSlugs()).containsExactly("peace-talks-resume");
    }

    @Test
    void readingTimeCountsTheLeadImage() {
        String words = "word ".repeat(226);
        Article without = Article.draft(new ArticleContent("H", null, null, 1, List.of(1L), List.of(), words, null, "en"), renderer, clock);
        Article with = Article.draft(new ArticleContent("H", null, null, 1, List.of(1L), List.of(), words,
                new LeadImage(1, "alt", "", "credit"), "en"), renderer, clock);
        assertThat(without.readingMinutes()).isEqualTo(1);
        assertThat(with.readingMinutes()).isEqualTo(2);
    }
}
