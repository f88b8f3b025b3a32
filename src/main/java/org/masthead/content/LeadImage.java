package org.masthead.content;

import org.masthead.text.PlainText;

/**
 * The picture at the top of an article. The credit is its own field (never folded into the caption) so it can
 * be shown, styled and exported as the photographer's attribution.
 */
public record LeadImage(long mediaId, String alt, String caption, String credit) {

    public LeadImage {
        alt = PlainText.line(alt);
        caption = PlainText.multiline(caption);
        credit = PlainText.line(credit);
    }
}
