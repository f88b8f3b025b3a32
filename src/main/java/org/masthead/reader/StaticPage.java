package org.masthead.reader;

import org.masthead.content.ArticleView;
import org.masthead.system.Layout;

/** A static page (About, Contact, Corrections policy…): title, standfirst, body; no section, bylines or feeds. */
public record StaticPage(Layout layout, ArticleView page, String previewNotice) {

    public StaticPage(Layout layout, ArticleView page) {
        this(layout, page, null);
    }
}
