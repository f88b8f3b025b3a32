package org.masthead.support;

import java.util.List;
import java.util.UUID;

import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;

/** A small newsroom staff for one test class: a section, an author profile and one account per role. */
public record Staff(Section section, Author byline, StaffMember contributor, StaffMember otherContributor,
                   StaffMember reporter, StaffMember editor, StaffMember administrator) {

    public static final String PASSWORD = "correct horse battery";

    public static Staff create(Sections sections, Authors authors, StaffAccounts accounts) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Section section = sections.create("Desk " + unique, "", 0);
        Author byline = authors.create("Byline " + unique, "Reporter", "Writes.", null, List.of());
        return new Staff(section, byline,
                accounts.create("contributor-" + unique + "@test", "Contributor " + unique, PASSWORD, StaffRole.CONTRIBUTOR, byline.id()),
                accounts.create("contributor2-" + unique + "@test", "Other " + unique, PASSWORD, StaffRole.CONTRIBUTOR, null),
                accounts.create("reporter-" + unique + "@test", "Reporter " + unique, PASSWORD, StaffRole.REPORTER, byline.id()),
                accounts.create("editor-" + unique + "@test", "Editor " + unique, PASSWORD, StaffRole.EDITOR, null),
                accounts.create("admin-" + unique + "@test", "Admin " + unique, PASSWORD, StaffRole.ADMINISTRATOR, null));
    }

    /** A staff member as the write path's actor. */
    public static org.masthead.content.Actor actor(StaffMember member) {
        return org.masthead.content.Actor.staff(member.id(), member.displayName(),
                org.masthead.content.Actor.Role.valueOf(member.role().name()), member.authorId());
    }
}
