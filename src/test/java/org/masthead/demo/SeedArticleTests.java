package org.masthead.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleContent;
import org.masthead.content.LeadImage;
import org.masthead.content.ReadingTime;
import org.masthead.body.BodyRenderer;

class SeedArticleTests {

    private static final Path SEED_PAGE = Path.of("..", "shared", "seed", "peace-talks-article.txt");

    @Test
    void theSeedArticleReadsInTwoMinutesAsOnTheSeedPage() {
        ArticleContent content = ArticleContent.markdown(SeedArticle.HEADLINE, null, null, 1L, List.of(1L), List.of(),
                SeedArticle.BODY, new LeadImage(1, SeedArticle.HEADLINE, SeedArticle.CAPTION, SeedArticle.CREDIT), "en");
        var body = new BodyRenderer().render(content.bodySource(), content.bodyFormat());
        assertThat(body.words()).isBetween(220, 240);
        assertThat(ReadingTime.minutes(body.words(), body.imageCount() + 1)).isEqualTo(2); // the lead image counts

    }

    @Test
    void theBodyReproducesEveryParagraphOfTheSeedPage() throws IOException {
        assumeTrue(Files.exists(SEED_PAGE), "the seed page is in ../shared beside the checkout");
        List<String> page = Files.readAllLines(SEED_PAGE);
        int from = page.indexOf(SeedArticle.CAPTION + " (" + SeedArticle.CREDIT + ")") + 1;
        int to = page.indexOf("Avatar");
        List<String> seedParagraphs = page.subList(from, to).stream().filter(line -> !line.isBlank()).toList();
        List<String> ourParagraphs = Arrays.stream(SeedArticle.BODY.split("\n\n")).map(String::strip).toList();
        assertThat(ourParagraphs).containsExactlyElementsOf(seedParagraphs);
        assertThat(page).contains(SeedArticle.HEADLINE, SeedArticle.AUTHOR, SeedArticle.AUTHOR_ROLE, SeedArticle.AUTHOR_BIO);
    }
}
