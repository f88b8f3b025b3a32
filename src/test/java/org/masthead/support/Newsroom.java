package org.masthead.support;

import java.util.List;
import java.util.UUID;

import org.masthead.author.Author;
import org.masthead.author.Authors;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.section.Section;
import org.masthead.section.Sections;

/** A small newsroom for one test class: a section, an author profile and one account per role. */
public record Newsroom(Section section, Author byline, StaffMember contributor, StaffMember otherContributor,
                       StaffMember reporter, StaffMember editor, StaffMember administrator) {

    public static final String PASSWORD = "correct horse battery";

    public static Newsroom create(Sections sections, Authors authors, StaffAccounts accounts) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Section section = sections.create("Desk " + unique, "", 0);
        Author byline = authors.create("Byline " + unique, "Reporter", "Writes.", null, List.of());
        return new Newsroom(section, byline,
                accounts.create("contributor-" + unique + "@test", "Contributor " + unique, PASSWORD, StaffRole.CONTRIBUTOR, byline.id()),
                accounts.create("contributor2-" + unique + "@test", "Other " + unique, PASSWORD, StaffRole.CONTRIBUTOR, null),
                accounts.create("reporter-" + unique + "@test", "Reporter " + unique, PASSWORD, StaffRole.REPORTER, byline.id()),
                accounts.create("editor-" + unique + "@test", "Editor " + unique, PASSWORD, StaffRole.EDITOR, null),
                accounts.create("admin-" + unique + "@test", "Admin " + unique, PASSWORD, StaffRole.ADMINISTRATOR, null));
    }
}
