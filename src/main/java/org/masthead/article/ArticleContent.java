package org.masthead.article;

import java.util.List;

/**
 * What a writer supplies for an article.
 *
 * @param slug      URL name; derived from the headline when blank
 * @param authorIds bylines in the order they are shown
 * @param leadImage optional
 */
public record ArticleContent(String headline, String slug, String standfirst, long sectionId,
                             List<Long> authorIds, List<String> tags, String bodyMarkdown,
                             LeadImage leadImage, String language) {

    public ArticleContent {
        headline = org.masthead.text.PlainText.clean(headline);
        slug = org.masthead.text.PlainText.clean(slug);
        standfirst = org.masthead.text.PlainText.clean(standfirst);
        bodyMarkdown = org.masthead.text.PlainText.clean(bodyMarkdown);
        authorIds = List.copyOf(authorIds);
        tags = tags == null ? List.of() : tags.stream().map(org.masthead.text.PlainText::clean).map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
        language = language == null || language.isBlank() ? "en" : language.strip();
        standfirst = standfirst == null || standfirst.isBlank() ? null : standfirst.strip();
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
    }
}
