package org.masthead.media;

import java.util.List;
import org.masthead.system.AdminFrame;

/** Page records of the media admin screens. */
public final class MediaAdminPages {

    private MediaAdminPages() {
    }

    public record LibraryPage(AdminFrame frame, List<MediaFile> files, String nextUrl, String error, String notice) {
    }
}
