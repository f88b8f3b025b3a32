package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Share-preview links are signed with a key every node shares, expire, and last at most 30 days. */
@EmptySiteTest
class PreviewsTests {

    @Autowired Previews previews;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void aLinkWorksUntilItExpiresAndAnotherNodeTrustsIt() {
        Staff staff = Staff.create(sections, authors, accounts);
        EditableArticle draft = new Stories(publishing).draft(Stories.content("Shared " + staff.section().slug(),
                staff.section().id(), List.of(staff.byline().id()), List.of(), "Draft."));
        Previews.ShareLink link = previews.share(Staff.actor(staff.editor()), draft.id(), Duration.ofDays(1));

        Previews anotherNode = new Previews(jdbc, Clock.systemUTC());
        assertThat(anotherNode.articleFor(link.token())).as("the key is shared through the database").hasValue(draft.id());
        Previews twoDaysOn = new Previews(jdbc, Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC));
        assertThat(twoDaysOn.articleFor(link.token())).as("expired").isEmpty();
        assertThat(previews.articleFor("not-a-link")).isEmpty();
        assertThat(previews.articleFor(null)).isEmpty();

        assertThatThrownBy(() -> previews.share(Staff.actor(staff.editor()), draft.id(), Duration.ofDays(31)))
                .isInstanceOf(ArticleValidationException.class);
        assertThatThrownBy(() -> previews.share(Staff.actor(staff.reporter()), draft.id(), Duration.ofDays(1)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
