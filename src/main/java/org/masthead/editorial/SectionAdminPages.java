package org.masthead.editorial;

import java.util.List;
import org.masthead.content.Section;
import org.masthead.system.AdminFrame;

/** Page records of the section admin screens. */
public final class SectionAdminPages {

    private SectionAdminPages() {
    }

    public record SectionsPage(AdminFrame frame, List<Section> sections, String error, String notice) {
    }
}
