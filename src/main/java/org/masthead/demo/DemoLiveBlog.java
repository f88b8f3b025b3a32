package org.masthead.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyNode;
import org.masthead.content.Actor;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.EditableArticle;
import org.masthead.content.LeadImage;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveBlogs.EntryContent;
import org.masthead.content.Publishing;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.springframework.stereotype.Component;

/**
 * The demo newsroom's running live blog: a made-up second day of the February peace talks in Geneva, with entries
 * the desk "posted" — short updates, two key events, a pinned summary, a photo with its credit and a quote with
 * its speaker — so a new user sees live coverage on first start. The people, venue and events are fictional, and
 * the blog says so.
 *
 * <p>Everything goes through the write paths, as the system. The entries are timed when they are added (the
 * service's clock), so on a fresh demo they all carry the first start's time, oldest first in the order below.
 */
@Component
class DemoLiveBlog {

    static final String HEADLINE = "Peace talks live: delegations return to Geneva for a second day";
    /** The second day of the talks the seed article looks back on; before the seed, which stays the newest story. */
    static final Instant PUBLISHED_AT = Instant.parse("2026-02-18T08:05:00Z");
    static final String SECTION = "World";

    private static final Actor DEMO = Actor.system("Demo content");

    private final Publishing publishing;
    private final LiveBlogs liveBlogs;
    private final MediaLibrary media;

    DemoLiveBlog(Publishing publishing, LiveBlogs liveBlogs, MediaLibrary media) {
        this.publishing = publishing;
        this.liveBlogs = liveBlogs;
        this.media = media;
    }

    /** Publishes the live blog, starts its coverage and posts its entries; returns the article's id. */
    long load(DemoContent.Cast cast) {
        long editor = cast.authors().get(4).id(); // Petro Hnatiuk, World Affairs Editor
        long reporter = cast.authors().get(3).id(); // Sofia Brandt, Business Reporter
        MediaFile lead = media.upload(PlaceholderImages.landscape(7, 1600, 900), "demo-live-lead.jpg", null);
        MediaFile photo = media.upload(PlaceholderImages.landscape(8, 1600, 900), "demo-live-photo.jpg", null);

        ArticleContent article = ArticleContent.markdown(HEADLINE, null,
                "The two delegations are back at the table for a second day, with prisoner exchanges and aid convoys "
                        + "on the agenda. Follow every development here as it happens.",
                cast.sections().get(SECTION).id(), List.of(editor, reporter), List.of("Diplomacy", "Geneva"), """
                        *This is a demo live blog about fictional events.* It follows a made-up second day of the \
                        February peace talks that the demo newsroom's lead story looks back on; the venue, the \
                        negotiators, their quotes and every update below are invented for Masthead's demo content.

                        The newest updates are at the top, key events are listed first, and the page brings in new \
                        updates as the desk posts them.""",
                new LeadImage(lead.id(), "Illustration for the demo live blog: " + HEADLINE,
                        "An illustration made for Masthead's demo content.", "Masthead demo image"),
                "en");
        EditableArticle published = publishing.publishDated(DEMO,
                new Publishing.PublishDated(ArticleKind.ARTICLE, article, PUBLISHED_AT, false));
        long id = published.id();
        liveBlogs.start(DEMO, id);

        List<Long> petro = List.of(editor);
        List<Long> sofia = List.of(reporter);
        List<Long> both = List.of(editor, reporter);
        post(id, "Good morning from Geneva", """
                The two delegations are due back at the Villa Lindenhof at ten o'clock for a second day of talks. \
                We will bring you every development here.

                *A reminder: this live blog is part of Masthead's demo, and the talks, people and quotes in it are \
                made up.*""", false, petro);
        post(id, "", """
                Cars carrying Mira Dahl's delegation pulled up at the villa's side entrance shortly before ten. \
                Dahl, who leads her side's negotiators, did not stop for the cameras at the gate.""", false, sofia);
        post(id, "", """
                Anton Rell's delegation followed twenty minutes later. An aide said the team had worked on a revised \
                draft "until well after midnight" and was arriving "with something new on paper".""", false, sofia);
        blocks(id, "The scene at the villa", new BodyDocument(List.of(
                image(photo, "An illustration standing in for a photograph of journalists outside the villa",
                        "Journalists wait outside the Villa Lindenhof as the second day of talks begins.",
                        "Photo: Sofia Brandt / Masthead demo"),
                paragraph("About sixty reporters are waiting behind the barrier; the mediators have promised a "
                        + "briefing at the gate later this morning."))), false, sofia);
        post(id, "Three items on today's agenda", """
                The mediators' office says today's agenda has three items:

                - a timetable for exchanging prisoners,
                - safe passage for aid convoys to Greywick,
                - a mission to monitor a future ceasefire.

                Territory is not on the list, which both delegations had asked for.""", false, petro);
        blocks(id, "Mediator: \"Nobody leaves the table\"", new BodyDocument(List.of(
                paragraph("The chief mediator, Ambassador Clara Venn, briefed reporters at the gate before going in."),
                BodyNode.block("quote", List.of(
                        paragraph("We are not here to sign everything today. We are here to make sure that nobody "
                                + "leaves the table, and that the next meeting has a date before this one ends."),
                        BodyNode.block("attribution", List.of(BodyNode.text(
                                "Ambassador Clara Venn, chief mediator, speaking outside the Villa Lindenhof"))))))),
                false, petro);
        post(id, "Analysis: why a timetable matters", """
                Yesterday's session ended with agreement "in principle" on prisoner exchanges, but without dates. \
                Diplomats say a written timetable would be the first signed document of this round, and a test of \
                whether both sides can deliver what they agree in Geneva.""", false, petro);
        post(id, "Markets watch the talks", """
                Grain prices on the regional exchange slipped slightly after the first reports of progress, as \
                traders bet that shipping through the Hollin Bay route could resume within weeks.""", false, both);
        post(id, "Delegations sign a timetable for prisoner exchanges", """
                Both delegations have signed a one-page timetable for exchanging prisoners, the mediators' office \
                says. The first 120 people held by each side are to cross at Stavemoor within ten days, with \
                observers from a relief group at the crossing.""", true, both);
        post(id, "Families' association welcomes the timetable", """
                The association representing families of prisoners called the timetable "the first good news in \
                months", but asked the mediators to publish the list of names so that families are not left \
                waiting by the phone.""", false, sofia);
        post(id, "Talks break for lunch", """
                The delegations have broken for lunch in separate wings of the villa. The afternoon session is \
                expected to turn to the aid convoys.""", false, sofia);
        post(id, "Aid route is the sticking point", """
                A source close to Rell's delegation says the convoy route through Greywick remains the hardest \
                question: one side wants inspections at the river crossing, the other wants the convoys to pass \
                unchecked under the mediators' seal.""", false, petro);
        post(id, "Agreement on a 72-hour window for aid convoys to Greywick", """
                The mediators say both delegations have agreed to a 72-hour window, starting on Monday, in which \
                aid convoys may travel to Greywick under the mediators' seal, with a joint inspection at the \
                river crossing. It is the second signed document of the day.""", true, both);
        EntryContent summary = new EntryContent("What we know so far", """
                - Both delegations returned to the Villa Lindenhof for a second day of talks.
                - They signed a **timetable for prisoner exchanges**: 120 people from each side within ten days.
                - They agreed a **72-hour window for aid convoys** to Greywick, from Monday.
                - A ceasefire monitoring mission is still being discussed; territory is not on the agenda.""",
                BodyFormat.MARKDOWN, false, true, petro);
        liveBlogs.add(DEMO, id, summary);
        post(id, "Talks resume after a short break", """
                The delegations are back in the main hall. A spokesperson for Dahl's delegation says a joint \
                statement is expected "this evening, if the monitoring mission falls into place".""", false, sofia);
        return id;
    }

    private void post(long articleId, String title, String markdown, boolean keyEvent, List<Long> authorIds) {
        liveBlogs.add(DEMO, articleId, new EntryContent(title, markdown, BodyFormat.MARKDOWN, keyEvent, false, authorIds));
    }

    private void blocks(long articleId, String title, BodyDocument body, boolean keyEvent, List<Long> authorIds) {
        liveBlogs.add(DEMO, articleId, new EntryContent(title, body.toJson(), BodyFormat.BLOCKS, keyEvent, false, authorIds));
    }

    private static BodyNode image(MediaFile photo, String alt, String caption, String credit) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("mediaId", photo.id());
        attrs.put("src", photo.url());
        attrs.put("alt", alt);
        attrs.put("caption", caption);
        attrs.put("credit", credit);
        return BodyNode.block("image", attrs, List.of());
    }

    private static BodyNode paragraph(String text) {
        return BodyNode.block("paragraph", List.of(BodyNode.text(text)));
    }
}
