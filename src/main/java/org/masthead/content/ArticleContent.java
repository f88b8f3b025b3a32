package org.masthead.content;

import java.util.List;
import java.util.Map;

import org.masthead.body.BodyFormat;
import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.masthead.text.PlainText;

/**
 * What a writer supplies for an article or page, cleaned on the way in (control characters, line breaks in
 * one-line fields); {@link #problems()} names every field that breaks its limit.
 *
 * @param slug       URL name; derived from the headline when blank
 * @param sectionId  the article's section; null for a page
 * @param authorIds  bylines in the order they are shown
 * @param bodySource the body as written, in {@code bodyFormat}
 * @param leadImage  optional
 * @param seo        search and social overrides, {@link Seo#NONE} when there are none
 * @param featured   put forward by the newsroom (Ghost's "featured"; fronts and API filters pick these)
 */
public record ArticleContent(String headline, String slug, String standfirst, Long sectionId,
                             List<Long> authorIds, List<String> tags, String bodySource, BodyFormat bodyFormat,
                             LeadImage leadImage, String language, Seo seo, boolean featured) {

    /** Content without search or social overrides, not featured. */
    public ArticleContent(String headline, String slug, String standfirst, Long sectionId, List<Long> authorIds,
                          List<String> tags, String bodySource, BodyFormat bodyFormat, LeadImage leadImage, String language) {
        this(headline, slug, standfirst, sectionId, authorIds, tags, bodySource, bodyFormat, leadImage, language, Seo.NONE,
                false);
    }

    /** Content that is not featured. */
    public ArticleContent(String headline, String slug, String standfirst, Long sectionId, List<Long> authorIds,
                          List<String> tags, String bodySource, BodyFormat bodyFormat, LeadImage leadImage, String language,
                          Seo seo) {
        this(headline, slug, standfirst, sectionId, authorIds, tags, bodySource, bodyFormat, leadImage, language, seo, false);
    }

    public ArticleContent {
        headline = PlainText.line(headline);
        slug = PlainText.line(slug);
        standfirst = PlainText.multiline(standfirst);
        standfirst = standfirst.isEmpty() ? null : standfirst;
        bodySource = bodySource == null ? "" : PlainText.clean(bodySource.replace("\r\n", "\n"));
        bodyFormat = bodyFormat == null ? BodyFormat.MARKDOWN : bodyFormat;
        authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
        tags = tags == null ? List.of() : tags.stream().map(PlainText::line).filter(tag -> !tag.isEmpty()).distinct().toList();
        language = language == null || language.isBlank() ? "en" : language.strip();
        seo = seo == null ? Seo.NONE : seo;
    }

    /** Markdown content, as the newsroom editor writes it. */
    public static ArticleContent markdown(String headline, String slug, String standfirst, Long sectionId,
                                          List<Long> authorIds, List<String> tags, String markdown,
                                          LeadImage leadImage, String language) {
        return new ArticleContent(headline, slug, standfirst, sectionId, authorIds, tags, markdown, BodyFormat.MARKDOWN,
                leadImage, language);
    }

    public ArticleContent withAuthors(List<Long> ids) {
        return new ArticleContent(headline, slug, standfirst, sectionId, ids, tags, bodySource, bodyFormat, leadImage, language,
                seo, featured);
    }

    public ArticleContent withSlug(String newSlug) {
        return new ArticleContent(headline, newSlug, standfirst, sectionId, authorIds, tags, bodySource, bodyFormat, leadImage,
                language, seo, featured);
    }

    /** The body written anew (the editor's blocks, or Markdown turned into them). */
    public ArticleContent withBody(String source, BodyFormat format) {
        return new ArticleContent(headline, slug, standfirst, sectionId, authorIds, tags, source, format, leadImage, language,
                seo, featured);
    }

    /** One message per form field whose value is missing or too long; empty when the content can be stored. */
    public Map<String, String> problems() {
        FieldErrors errors = new FieldErrors();
        // a draft may be untitled for now; publishing, scheduling and review ask for the headline
        errors.line("headline", "The headline", headline, FieldLimits.HEADLINE);
        errors.line("slug", "The slug", slug, FieldLimits.SLUG);
        errors.text("standfirst", "The standfirst", standfirst, FieldLimits.STANDFIRST);
        if (tags.size() > FieldLimits.TAGS_PER_ARTICLE) {
            errors.add("tags", "An article may have at most " + FieldLimits.TAGS_PER_ARTICLE + " tags; this one has "
                    + tags.size() + ".");
        }
        tags.forEach(tag -> errors.line("tags", "A tag", tag, FieldLimits.TAG));
        errors.bytes("body", "The body", bodySource, FieldLimits.BODY_BYTES);
        if (leadImage != null) {
            errors.line("leadImageAlt", "The alt text", leadImage.alt(), FieldLimits.ALT);
            errors.text("leadImageCaption", "The caption", leadImage.caption(), FieldLimits.CAPTION);
            errors.line("leadImageCredit", "The credit", leadImage.credit(), FieldLimits.CREDIT);
        }
        seo.check(errors);
        return errors.asMap();
    }
}
