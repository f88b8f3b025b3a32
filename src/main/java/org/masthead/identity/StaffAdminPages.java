package org.masthead.identity;

import java.util.List;
import org.masthead.content.Author;
import org.masthead.system.AdminFrame;

/** Page records of the identity admin screens. */
public final class StaffAdminPages {

    private StaffAdminPages() {
    }

    public record StaffPage(AdminFrame frame, List<StaffMember> staff, List<Author> authors, List<StaffRole> roles,
                            String error, String notice) {
    }

    public record SettingsPage(AdminFrame frame, org.masthead.system.SiteSettings.Editable values, String logoUrl,
                               String error, String notice) {
    }
}
