package org.masthead.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Correction;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A corrected story says when it was updated, next to when it was published, both in the site's time zone. */
@EmptySiteTest
class CorrectedArticleTimesTests {

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired org.masthead.identity.StaffAccounts accounts;
    @LocalServerPort int port;

    @Test
    void aCorrectedArticleShowsWhenItWasUpdatedInTheSitesTimeZone() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Staff staff = Staff.create(sections, authors, accounts);
        Instant publishedAt = Instant.parse("2026-02-20T13:47:00Z");
        EditableArticle story = new Stories(publishing).publish(Stories.content("Harbour wall repaired " + unique,
                staff.section().id(), List.of(staff.byline().id()), List.of(), "The wall was repaired in 1998."), publishedAt);
        ReaderClient reader = new ReaderClient(port);
        assertThat(reader.page(story.publicUrl()).select("main article header .updated")).as("before the correction").isEmpty();

        publishing.correct(Staff.actor(staff.editor()), new Publishing.Correct(story.id(), Correction.Kind.CORRECTION,
                "An earlier version gave the wrong year for the repair."));

        Element meta = reader.page(story.publicUrl()).selectFirst("main article header .meta");
        assertThat(meta.selectFirst("time").text()).isEqualTo("Feb. 20, 2026, 1:47 PM UTC");
        Element updated = meta.selectFirst(".updated");
        assertThat(updated).as("an Updated time after the correction").isNotNull();
        assertThat(updated.text()).matches("Updated [A-Z][a-z]+\\.? \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M UTC");
        Instant updatedAt = OffsetDateTime.parse(updated.selectFirst("time").attr("datetime")).toInstant();
        assertThat(updatedAt).isAfter(publishedAt).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(reader.page(story.publicUrl()).selectFirst(".corrections .correction").text())
                .contains("An earlier version gave the wrong year for the repair.");
    }
}
