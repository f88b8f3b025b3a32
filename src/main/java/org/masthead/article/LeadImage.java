package org.masthead.article;

/**
 * The picture at the top of an article. The credit is its own field (never folded into the caption) so it can
 * be shown, styled and exported as the photographer's attribution.
 */
public record LeadImage(long mediaId, String alt, String caption, String credit) {

    public LeadImage {
        alt = alt == null ? "" : alt.strip();
        caption = caption == null ? "" : caption.strip();
        credit = credit == null ? "" : credit.strip();
    }
}
