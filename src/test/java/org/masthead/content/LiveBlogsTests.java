package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.body.BodyFormat;
import org.masthead.content.LiveBlogs.Change;
import org.masthead.content.LiveBlogs.Entry;
import org.masthead.content.LiveBlogs.EntryContent;
import org.masthead.content.LiveBlogs.LiveBlog;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.masthead.support.Words;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Live blogs on the content side: who may post, edit, delete, pin and approve entries; every change kept as a
 * revision and an audit line and, when readers see it, as a numbered change in order; the entries paged newest
 * first by keyset. Each test writes its own article and staff (the database is shared with other classes).
 */
@EmptySiteTest
@RecordApplicationEvents
class LiveBlogsTests {

    @Autowired LiveBlogs liveBlogs;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired ArticleHistory history;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    Staff staff;
    Stories stories;
    Actor editor;
    Actor reporter;
    Actor contributor;

    @BeforeEach
    void staff() {
        staff = Staff.create(sections, authors, accounts);
        stories = new Stories(publishing);
        editor = Staff.actor(staff.editor());
        reporter = Staff.actor(staff.reporter());
        contributor = Staff.actor(staff.contributor());
    }

    @Test
    void aReporterPostsEntriesThatArePagedNewestFirstEachChangeKeptRevisedAuditedAndNumbered() {
        long blog = publishedArticle("Harbour strike live");
        LiveBlog started = liveBlogs.start(editor, blog);
        assertThat(started.running()).isTrue();
        assertThat(started.coverageStart()).isNotNull();
        assertThat(started.coverageEnd()).isNull();

        List<Entry> added = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            added.add(liveBlogs.add(reporter, blog, markdown("Update " + n, "Dockers walk out, update " + n + ".")));
        }
        assertThat(added).allSatisfy(entry -> {
            assertThat(entry.isPublished()).isTrue();
            assertThat(entry.status()).isEqualTo("published");
            assertThat(entry.version()).isZero();
            assertThat(entry.createdBy()).isEqualTo(staff.reporter().id());
            assertThat(entry.bylines()).extracting(Byline::authorId).containsExactly(staff.byline().id());
            assertThat(entry.bodyHtml()).contains("Dockers walk out");
        });
        List<Long> newestFirst = new ArrayList<>(added.stream().map(Entry::id).toList());
        Collections.reverse(newestFirst);
        assertThat(liveBlogs.page(blog, null, 50)).extracting(Entry::id).isEqualTo(newestFirst);
        assertThat(liveBlogs.published(blog)).isEqualTo(7);

        // keyset pages of two: every entry once, in order, and nothing after the last
        List<Long> paged = new ArrayList<>();
        Cursor before = null;
        for (int pages = 0; pages < 10; pages++) {
            List<Entry> page = liveBlogs.page(blog, before, 2);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            page.forEach(entry -> paged.add(entry.id()));
            before = page.get(page.size() - 1).cursor();
        }
        assertThat(paged).isEqualTo(newestFirst);
        assertThat(liveBlogs.newerThan(blog, added.get(2).cursor())).isEqualTo(4);

        Entry second = added.get(1);
        Entry edited = liveBlogs.edit(reporter, second.id(), second.version(),
                markdown("Update 2, corrected", "Dockers walk out at two gates, not three."));
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.title()).isEqualTo("Update 2, corrected");
        assertThat(edited.bodyHtml()).contains("two gates");
        assertThat(edited.publishedAt()).as("an edit keeps the entry's place").isEqualTo(second.publishedAt());
        Entry third = added.get(2);
        liveBlogs.delete(reporter, third.id());
        assertThat(liveBlogs.entry(third.id())).isEmpty();
        assertThat(liveBlogs.page(blog, null, 50)).extracting(Entry::id).doesNotContain(third.id()).hasSize(6);

        // revisions, kept after the entry is gone
        assertThat(revisions(second.id())).containsExactly("added", "edited");
        assertThat(revisions(third.id())).containsExactly("added", "deleted");
        assertThat(jdbc.sql("select body_source from live_entry_revision where entry_id = ? order by id")
                .param(second.id()).query(String.class).list())
                .containsExactly("Dockers walk out, update 2.", "Dockers walk out at two gates, not three.");
        assertThat(jdbc.sql("select staff_id from live_entry_revision where article_id = ?").param(blog)
                .query(Long.class).list()).hasSize(9).containsOnly(staff.reporter().id());

        // the audit log, newest first
        List<AuditEntry> audit = history.audit(blog, null, 50);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("deleted a live entry", "edited a live entry",
                "added a live entry", "added a live entry", "added a live entry", "added a live entry",
                "added a live entry", "added a live entry", "added a live entry", "started live coverage", "published");
        assertThat(audit.get(0).detail()).isEqualTo("#" + third.id() + " \"Update 3\"");
        assertThat(audit.get(0).actorName()).isEqualTo(staff.reporter().displayName());
        assertThat(audit.get(1).detail()).isEqualTo("#" + second.id() + " \"Update 2, corrected\"");
        assertThat(audit.get(9).actorName()).isEqualTo(staff.editor().displayName());

        // the numbered changes readers' streams replay, in order
        List<Change> changes = liveBlogs.changesAfter(blog, 0, 100);
        assertThat(changes).extracting(Change::kind).containsExactly("added", "added", "added", "added", "added",
                "added", "added", "edited", "deleted");
        List<Long> entryIds = new ArrayList<>(added.stream().map(Entry::id).toList());
        entryIds.add(second.id());
        entryIds.add(third.id());
        assertThat(changes).extracting(Change::entryId).isEqualTo(entryIds);
        assertThat(changes).extracting(Change::articleId).containsOnly(blog);
        assertThat(changes).extracting(Change::id).isSorted().doesNotHaveDuplicates();
        assertThat(liveBlogs.latestChange(blog)).isEqualTo(changes.get(8).id());
        assertThat(liveBlogs.changesAfter(blog, changes.get(6).id(), 100)).extracting(Change::kind)
                .containsExactly("edited", "deleted");
        assertThat(liveBlogs.changesAfter(blog, changes.get(0).id(), 3)).extracting(Change::id)
                .containsExactly(changes.get(1).id(), changes.get(2).id(), changes.get(3).id());
        assertThat(liveBlogs.changesAfter(blog, liveBlogs.latestChange(blog), 100)).isEmpty();

        // one event per change, carrying its number
        List<LiveEntryChanged> announced = announced(blog);
        assertThat(announced).extracting(LiveEntryChanged::kind).containsExactly("coverage", "added", "added", "added",
                "added", "added", "added", "added", "edited", "deleted");
        assertThat(announced.subList(1, announced.size())).extracting(LiveEntryChanged::changeId)
                .isEqualTo(changes.stream().map(Change::id).toList());
        assertThat(announced.subList(1, announced.size())).extracting(LiveEntryChanged::entryId).isEqualTo(entryIds);
        assertThat(announced.get(0).changeId()).isNull();
        assertThat(announced).extracting(LiveEntryChanged::eventId).doesNotHaveDuplicates();
    }

    @Test
    void aContributorsEntryWaitsForAnEditorUnlessTheBlogIsOpenedToContributors() {
        long blog = publishedArticle("Flood warning live");
        liveBlogs.start(editor, blog);
        long before = liveBlogs.latestChange(blog);

        Entry waiting = liveBlogs.add(contributor, blog, markdown("From the riverbank", "The water is at the second step."));
        assertThat(waiting.status()).isEqualTo("pending");
        assertThat(waiting.isPublished()).isFalse();
        assertThat(liveBlogs.pending(blog)).extracting(Entry::id).containsExactly(waiting.id());
        assertThat(liveBlogs.page(blog, null, 50)).isEmpty();
        assertThat(liveBlogs.published(blog)).isZero();
        assertThat(liveBlogs.changesAfter(blog, before, 100)).as("readers see nothing yet").isEmpty();
        assertThat(announced(blog)).extracting(LiveEntryChanged::kind).containsExactly("coverage", "added");
        assertThat(announced(blog).get(1).changeId()).isNull();
        assertThat(history.audit(blog, null, 1)).singleElement()
                .satisfies(line -> assertThat(line.action()).isEqualTo("added a live entry for review"));
        assertThatThrownBy(() -> liveBlogs.approve(contributor, waiting.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> liveBlogs.approve(reporter, waiting.id())).isInstanceOf(AccessDeniedException.class);

        Entry approved = liveBlogs.approve(editor, waiting.id());
        assertThat(approved.isPublished()).isTrue();
        assertThat(approved.publishedAt()).isAfterOrEqualTo(waiting.publishedAt());
        assertThat(liveBlogs.pending(blog)).isEmpty();
        assertThat(liveBlogs.page(blog, null, 50)).extracting(Entry::id).containsExactly(waiting.id());
        List<Change> changes = liveBlogs.changesAfter(blog, before, 100);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("added");
            assertThat(change.entryId()).isEqualTo(waiting.id());
        });
        assertThat(revisions(waiting.id())).containsExactly("added", "approved");
        LiveEntryChanged approval = announced(blog).get(2);
        assertThat(approval.kind()).isEqualTo("approved");
        assertThat(approval.changeId()).isEqualTo(changes.get(0).id());
        assertThat(history.audit(blog, null, 1)).singleElement()
                .satisfies(line -> assertThat(line.action()).isEqualTo("approved a live entry"));

        assertThatThrownBy(() -> liveBlogs.openToContributors(reporter, blog, true)).isInstanceOf(AccessDeniedException.class);
        assertThat(liveBlogs.openToContributors(editor, blog, true).openToContributors()).isTrue();
        Entry direct = liveBlogs.add(contributor, blog, markdown("", "The river has reached the third step."));
        assertThat(direct.isPublished()).isTrue();
        assertThat(liveBlogs.pending(blog)).isEmpty();
        assertThat(liveBlogs.page(blog, null, 50)).extracting(Entry::id).containsExactly(direct.id(), waiting.id());
        assertThat(liveBlogs.changesAfter(blog, changes.get(0).id(), 100)).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("added");
            assertThat(change.entryId()).isEqualTo(direct.id());
        });
    }

    @Test
    void reportersChangeOnlyTheirOwnEntriesEditorsAnyContributorsStartNothingAndOnlyEditorsPin() {
        long blog = publishedArticle("Budget night live");
        StaffMember otherReporter = accounts.create("reporter-b-" + Words.randomLetters(8) + "@test", "Second reporter",
                Staff.PASSWORD, StaffRole.REPORTER, staff.byline().id());
        assertThatThrownBy(() -> liveBlogs.start(contributor, blog)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> liveBlogs.start(reporter, blog)).isInstanceOf(AccessDeniedException.class);
        assertThat(liveBlogs.find(blog)).as("no live blog after refused starts").isEmpty();
        liveBlogs.start(editor, blog);

        Entry mine = liveBlogs.add(reporter, blog, markdown("Spending", "The minister rises at half past seven."));
        Actor other = Staff.actor(otherReporter);
        assertThatThrownBy(() -> liveBlogs.edit(other, mine.id(), mine.version(), markdown("Hijacked", "Not my entry.")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> liveBlogs.delete(other, mine.id())).isInstanceOf(AccessDeniedException.class);
        Entry unchanged = liveBlogs.entry(mine.id()).orElseThrow();
        assertThat(unchanged.version()).isZero();
        assertThat(unchanged.title()).isEqualTo("Spending");
        assertThat(revisions(mine.id())).containsExactly("added");

        // a reporter may not pin, neither on posting nor by editing their own entry
        assertThatThrownBy(() -> liveBlogs.add(reporter, blog, new EntryContent("Pinned?", "Read this first.",
                BodyFormat.MARKDOWN, false, true, List.of()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> liveBlogs.edit(reporter, mine.id(), mine.version(), new EntryContent("Spending",
                "The minister rises at half past seven.", BodyFormat.MARKDOWN, false, true, List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(liveBlogs.pinned(blog)).isEmpty();
        assertThat(liveBlogs.page(blog, null, 50)).extracting(Entry::id).containsExactly(mine.id());

        // an editor edits and deletes anyone's entry
        Entry edited = liveBlogs.edit(editor, mine.id(), mine.version(), new EntryContent("Spending, checked",
                "The minister rises at a quarter to eight.", BodyFormat.MARKDOWN, false, false, List.of(staff.byline().id())));
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.createdBy()).as("still the reporter's entry").isEqualTo(staff.reporter().id());
        Entry theirs = liveBlogs.add(other, blog, markdown("Reaction", "The opposition walks out."));
        liveBlogs.delete(editor, theirs.id());
        assertThat(liveBlogs.entry(theirs.id())).isEmpty();
        assertThat(jdbc.sql("select staff_id from live_entry_revision where entry_id = ? and action = 'deleted'")
                .param(theirs.id()).query(Long.class).single()).isEqualTo(staff.editor().id());

        // a contributor changes only their own entry while it waits
        Entry waiting = liveBlogs.add(contributor, blog, markdown("Outside", "A crowd gathers outside parliament."));
        assertThatThrownBy(() -> liveBlogs.edit(reporter, waiting.id(), waiting.version(), markdown("Outside", "Mine now.")))
                .isInstanceOf(AccessDeniedException.class);
        Actor secondContributor = Staff.actor(staff.otherContributor());
        assertThatThrownBy(() -> liveBlogs.delete(secondContributor, waiting.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(liveBlogs.edit(contributor, waiting.id(), waiting.version(),
                markdown("Outside", "A crowd of about two hundred gathers outside parliament.")).version()).isEqualTo(1);
    }

    @Test
    void pinningAnEntryUnpinsThePreviousOneAndKeyEventsAreListedNewestFirst() {
        long blog = publishedArticle("Election night live");
        liveBlogs.start(editor, blog);
        List<Long> byline = List.of(staff.byline().id());

        Entry first = liveBlogs.add(editor, blog, new EntryContent("How the night works", "Polls close at ten.",
                BodyFormat.MARKDOWN, false, true, byline));
        assertThat(first.pinned()).isTrue();
        assertThat(liveBlogs.pinned(blog)).map(Entry::id).contains(first.id());

        Entry second = liveBlogs.add(editor, blog, new EntryContent("What we know so far", "Turnout is up.",
                BodyFormat.MARKDOWN, false, true, byline));
        assertThat(liveBlogs.pinned(blog)).map(Entry::id).contains(second.id());
        Entry unpinned = liveBlogs.entry(first.id()).orElseThrow();
        assertThat(unpinned.pinned()).isFalse();
        assertThat(unpinned.version()).as("an unpinned entry's open editors must reload").isEqualTo(first.version() + 1);

        Entry reported = liveBlogs.add(reporter, blog, markdown("First result", "Northvale declares first."));
        Entry pinnedByEditor = liveBlogs.edit(editor, reported.id(), reported.version(), new EntryContent("First result",
                "Northvale declares first.", BodyFormat.MARKDOWN, false, true, byline));
        assertThat(pinnedByEditor.pinned()).isTrue();
        assertThat(liveBlogs.pinned(blog)).map(Entry::id).contains(reported.id());
        assertThat(liveBlogs.entry(second.id()).orElseThrow().pinned()).isFalse();
        assertThat(jdbc.sql("select count(*) from live_entry where article_id = ? and pinned").param(blog)
                .query(Long.class).single()).isEqualTo(1);

        Entry keyOne = liveBlogs.add(reporter, blog, new EntryContent("Exit poll", "The exit poll puts the greens first.",
                BodyFormat.MARKDOWN, true, false, List.of()));
        liveBlogs.add(reporter, blog, markdown("", "Queues at the Lowmarsh count."));
        Entry keyTwo = liveBlogs.add(reporter, blog, new EntryContent("Greens win", "The greens take the council.",
                BodyFormat.MARKDOWN, true, false, List.of()));
        Entry waitingKey = liveBlogs.add(contributor, blog, new EntryContent("Recount?", "A recount is requested.",
                BodyFormat.MARKDOWN, true, false, List.of()));
        assertThat(waitingKey.isPublished()).isFalse();
        assertThat(liveBlogs.keyEvents(blog)).extracting(Entry::id).containsExactly(keyTwo.id(), keyOne.id());
        assertThat(liveBlogs.keyEvents(blog)).allSatisfy(entry -> assertThat(entry.keyEvent()).isTrue());

        // unmarking a key event takes it off the list
        liveBlogs.edit(reporter, keyOne.id(), keyOne.version(), markdown("Exit poll", "The exit poll puts the greens first."));
        assertThat(liveBlogs.keyEvents(blog)).extracting(Entry::id).containsExactly(keyTwo.id());
    }

    @Test
    void anEditOnAStaleVersionIsRefusedAndChangesNothing() {
        long blog = publishedArticle("Storm live");
        liveBlogs.start(editor, blog);
        Entry entry = liveBlogs.add(reporter, blog, markdown("Winds", "Gusts of 90 km/h on the coast."));
        Entry edited = liveBlogs.edit(reporter, entry.id(), entry.version(), markdown("Winds", "Gusts of 110 km/h on the coast."));
        long changes = liveBlogs.latestChange(blog);

        assertThatThrownBy(() -> liveBlogs.edit(editor, entry.id(), entry.version(), new EntryContent("Winds",
                "Gusts of 70 km/h on the coast.", BodyFormat.MARKDOWN, false, false, List.of(staff.byline().id()))))
                .isExactlyInstanceOf(ArticleException.class)
                .hasMessageContaining("Someone changed this entry since you opened it");
        Entry now = liveBlogs.entry(entry.id()).orElseThrow();
        assertThat(now.version()).isEqualTo(edited.version());
        assertThat(now.bodySource()).isEqualTo("Gusts of 110 km/h on the coast.");
        assertThat(revisions(entry.id())).containsExactly("added", "edited");
        assertThat(liveBlogs.latestChange(blog)).isEqualTo(changes);
    }

    @Test
    void anEmptyEntryIsRefusedAndAnEndedBlogTakesNoEntriesAndIsNoLongerRunning() {
        long blog = publishedArticle("Summit live");
        liveBlogs.start(editor, blog);
        assertThat(liveBlogs.running()).contains(blog);

        for (String empty : List.of("", "   \n\n  ")) {
            assertThatThrownBy(() -> liveBlogs.add(reporter, blog, markdown("Nothing", empty)))
                    .isInstanceOfSatisfying(ArticleValidationException.class,
                            refused -> assertThat(refused.errors()).containsKey("body"));
        }
        Entry entry = liveBlogs.add(reporter, blog, markdown("", "Leaders arrive."));
        assertThatThrownBy(() -> liveBlogs.edit(reporter, entry.id(), entry.version(), markdown("Emptied", "")))
                .isInstanceOfSatisfying(ArticleValidationException.class,
                        refused -> assertThat(refused.errors()).containsKey("body"));
        assertThat(liveBlogs.page(blog, null, 50)).extracting(Entry::id).containsExactly(entry.id());

        LiveBlog ended = liveBlogs.end(editor, blog);
        assertThat(ended.running()).isFalse();
        assertThat(ended.coverageEnd()).isNotNull();
        assertThat(liveBlogs.running()).doesNotContain(blog);
        assertThatThrownBy(() -> liveBlogs.add(reporter, blog, markdown("", "Leaders leave.")))
                .isInstanceOf(ArticleException.class).hasMessageContaining("ended");
        assertThat(liveBlogs.page(blog, null, 50)).as("the archive keeps its entries").extracting(Entry::id)
                .containsExactly(entry.id());

        LiveBlog resumed = liveBlogs.start(editor, blog);
        assertThat(resumed.running()).isTrue();
        assertThat(resumed.coverageEnd()).isNull();
        assertThat(liveBlogs.running()).contains(blog);
        assertThat(history.audit(blog, null, 3)).extracting(AuditEntry::action)
                .containsExactly("resumed live coverage", "ended live coverage", "added a live entry");
    }

    @Test
    void aLiveBlogRunsOnlyWhileItsArticleIsPublishedAndOnlyAnArticleCanBeOne() {
        ArticleContent content = Stories.content("Ferry strike live " + Words.randomLetters(8), staff.section().id(),
                List.of(staff.byline().id()), List.of(), "The ferries stop at noon.");
        EditableArticle draft = stories.draft(content);
        assertThat(liveBlogs.start(editor, draft.id()).running()).as("a draft is not live yet").isFalse();
        assertThat(liveBlogs.running()).doesNotContain(draft.id());
        stories.publishNow(draft);
        assertThat(liveBlogs.find(draft.id()).orElseThrow().running()).isTrue();
        assertThat(liveBlogs.running()).contains(draft.id());
        stories.unpublish(stories.current(draft.id()));
        assertThat(liveBlogs.running()).doesNotContain(draft.id());

        EditableArticle page = publishing.publishDated(Stories.SYSTEM, new Publishing.PublishDated(ArticleKind.PAGE,
                ArticleContent.markdown("Live page " + Words.randomLetters(8), null, null, null, List.of(), List.of(),
                        "A page.", null, "en"), Instant.now().minusSeconds(60), false));
        assertThatThrownBy(() -> liveBlogs.start(editor, page.id())).isExactlyInstanceOf(ArticleException.class);
        assertThat(liveBlogs.find(page.id())).isEmpty();
    }

    private long publishedArticle(String headline) {
        ArticleContent content = Stories.content(headline + " " + Words.randomLetters(8), staff.section().id(),
                List.of(staff.byline().id()), List.of(), "Follow the story as it happens.");
        return stories.publish(content, Instant.now().minusSeconds(60)).id();
    }

    private static EntryContent markdown(String title, String body) {
        return new EntryContent(title, body, BodyFormat.MARKDOWN, false, false, List.of());
    }

    private List<String> revisions(long entryId) {
        return jdbc.sql("select action from live_entry_revision where entry_id = ? order by id").param(entryId)
                .query(String.class).list();
    }

    private List<LiveEntryChanged> announced(long articleId) {
        return events.stream(LiveEntryChanged.class).filter(event -> event.articleId() == articleId).toList();
    }
}
