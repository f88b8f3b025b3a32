package org.masthead.reader;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleView;
import org.masthead.content.PublishedArticles;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.system.Layout;
import org.masthead.system.Layouts;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Any article — a draft, one in review, a scheduled one — shown exactly as its reader page will look, with a
 * notice that it is a preview. Never cached, never indexed. The newsroom's preview and share links use it.
 */
@Component
public class ArticlePreviews {

    private final PublishedArticles articles;
    private final NewsFeed newsFeed;
    private final Layouts layouts;

    ArticlePreviews(PublishedArticles articles, NewsFeed newsFeed, Layouts layouts) {
        this.articles = articles;
        this.newsFeed = newsFeed;
        this.layouts = layouts;
    }

    public ModelAndView render(long articleId, String notice, HttpServletResponse response) {
        ArticleView article = articles.preview(articleId).orElseThrow(() -> new NotFoundException("No article " + articleId));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        Layout layout = layouts.page(article.searchTitle(), article.searchDescription(), article.url(),
                        article.section() == null ? null : "section:" + article.section().slug())
                .withMeta(List.of(Layout.MetaTag.name("robots", "noindex, nofollow")));
        if (article.kind() == ArticleKind.PAGE) {
            return Pages.view("reader/page", new StaticPage(layout, article, notice));
        }
        layout = layout.withMeta(ArticleStructuredData.socialCards(article, layouts.site()));
        return Pages.view("reader/article", new ArticlePage(layout, article, newsFeed.box(), List.of(), notice, null));
    }
}
