package org.masthead.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.masthead.content.Actor;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyRenderer;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.LeadImage;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffRole;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.system.MastheadProperties;
import org.masthead.text.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database on first start: the demo newsroom (sections, authors, the seed article and dozens of
 * demo stories) when {@code masthead.demo-content} is on, and {@code masthead.generate-articles} synthetic
 * stories for benchmarks. A database that already has articles is never touched, so restarts load nothing twice.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10)
class DemoContent implements ApplicationRunner {

    static final int DEMO_STORIES = 72; // enough that every section and author page has a second page
    private static final long DEMO_LOCK = 0x4D415354L; // serialises first starts of several nodes
    private static final int GENERATION_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private static final String[][] DEMO_AUTHORS = {
            {"Ines Moreau", "Culture Critic", "Fictional demo profile. Ines reviews film, theatre and the arts, and writes about the people who keep small venues alive."},
            {"Daniel Okafor", "Science Correspondent", "Fictional demo profile. Daniel covers research, health and technology, with a soft spot for field biology."},
            {"Sofia Brandt", "Business Reporter", "Fictional demo profile. Sofia follows local companies, co-operatives and the regional economy."},
            {"Petro Hnatiuk", "World Affairs Editor", "Fictional demo profile. Petro edits international coverage and writes about diplomacy and aid."},
    };

    private final MastheadProperties properties;
    private final Sections sections;
    private final Authors authors;
    private final Publishing publishing;
    private final MediaLibrary media;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StaffAccounts staff;
    private final BodyRenderer renderer;
    private final DemoLiveBlog liveBlog;
    private final org.masthead.content.ArchiveImports imports;

    DemoContent(MastheadProperties properties, Sections sections, Authors authors, Publishing publishing,
                MediaLibrary media, JdbcClient jdbc, TransactionTemplate transactions, StaffAccounts staff,
                BodyRenderer renderer, DemoLiveBlog liveBlog, org.masthead.content.ArchiveImports imports) {
        this.imports = imports;
        this.staff = staff;
        this.liveBlog = liveBlog;
        this.renderer = renderer;
        this.properties = properties;
        this.sections = sections;
        this.authors = authors;
        this.publishing = publishing;
        this.media = media;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoContent() && properties.generateArticles() <= 0) {
            return;
        }
        Cast cast = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(DEMO_LOCK).query((rs, row) -> 1).list();
            if (jdbc.sql("select exists (select 1 from content_article)").query(Boolean.class).single()) {
                log.info("The database already has articles; no demo content loaded");
                return null;
            }
            Cast created = createCast();
            if (properties.demoContent()) {
                loadDemoStories(created);
                liveBlog.load(created); // after the seed, which keeps its id and stays the newest story
                loadStaticPages();
                createDemoStaff(created);
            }
            return created;
        });
        if (cast != null && properties.generateArticles() > 0) {
            generate(cast, properties.generateArticles());
        }
    }

    /** Sections, authors and pictures every demo and generated story draws from. */
    record Cast(Map<String, Section> sections, Author seedAuthor, List<Author> authors, MediaFile seedImage,
                List<MediaFile> images) {
    }

    private Cast createCast() {
        Map<String, Section> bySection = new HashMap<>();
        String[] descriptions = {
                "Government, elections and the people who run them.",
                "Companies, jobs, money and the economy.",
                "Film, art, music, books and the stage.",
                "Research, health, technology and the natural world.",
                "International news, diplomacy and aid."};
        for (int i = 0; i < SyntheticArticles.SECTIONS.length; i++) {
            String name = SyntheticArticles.SECTIONS[i];
            bySection.put(name, sections.create(name, descriptions[i], i));
        }
        Author seedAuthor = authors.create(SeedArticle.AUTHOR, SeedArticle.AUTHOR_ROLE, SeedArticle.AUTHOR_BIO,
                media.upload(PlaceholderImages.avatar(SeedArticle.AUTHOR, 256), "avatar-0.jpg", null).id(), List.of());
        List<Author> cast = new ArrayList<>(List.of(seedAuthor));
        for (int i = 0; i < DEMO_AUTHORS.length; i++) {
            String[] author = DEMO_AUTHORS[i];
            cast.add(authors.create(author[0], author[1], author[2],
                    media.upload(PlaceholderImages.avatar(author[0], 256), "avatar-" + (i + 1) + ".jpg", null).id(), List.of()));
        }
        MediaFile seedImage = media.upload(PlaceholderImages.landscape(0, 1600, 900), "demo-lead-0.jpg", null);
        List<MediaFile> images = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            images.add(media.upload(PlaceholderImages.landscape(i, 1600, 900), "demo-lead-" + i + ".jpg", null));
        }
        return new Cast(bySection, seedAuthor, List.copyOf(cast), seedImage, List.copyOf(images));
    }

    private void loadDemoStories(Cast cast) {
        // Demo stories lead up to the seed article, which is the newest and so the front page's lead.
        Instant first = SeedArticle.PUBLISHED_AT.minus(Duration.ofDays(6));
        for (int number = 1; number <= DEMO_STORIES; number++) {
            Instant at = first.plus(Duration.ofMinutes(number * 115L));
            ArticleContent story = storyContent(cast, number);
            int showcase = DEMO_STORIES - number; // the newest stories before the seed show the richer blocks
            if (showcase < 3) {
                BodyDocument blocks = ShowcaseBodies.with(renderer.toDocument(story.bodySource(), story.bodyFormat()),
                        showcase, cast.images().get(showcase));
                story = story.withBody(blocks.toJson(), BodyFormat.BLOCKS);
            }
            publish(story, at);
        }
        ArticleContent seed = ArticleContent.markdown(SeedArticle.HEADLINE, null, null,
                cast.sections().get(SeedArticle.SECTION).id(), List.of(cast.seedAuthor().id()),
                List.of("Peace talks", "Russia", "Ukraine"), SeedArticle.BODY,
                new LeadImage(cast.seedImage().id(), SeedArticle.HEADLINE, SeedArticle.CAPTION, SeedArticle.CREDIT),
                "en");
        publish(seed, SeedArticle.PUBLISHED_AT);
        log.info("Loaded the demo newsroom: {} sections, {} authors, {} articles", cast.sections().size(),
                cast.authors().size(), DEMO_STORIES + 1);
    }

    /** The pages every publication has; the texts say they belong to the demo. */
    private void loadStaticPages() {
        String[][] pages = {
                {"About", "about", "Who we are and how we work.", """
                        *The Masthead Daily* is the demo publication that ships with Masthead, an open-source newsroom
                        platform. Its stories, people and places are made up; only the seed article reproduces a real page.

                        A real publication says here who owns it, who pays for its journalism, and how readers can reach
                        the newsroom."""},
                {"Contact", "contact", "How to reach the newsroom.", """
                        Write to the demo newsroom at **newsroom@masthead.test** (a placeholder address).

                        A real publication lists its tip line, its editors' addresses and how to send documents safely."""},
                {"Corrections policy", "corrections-policy", "How we correct mistakes.", """
                        When we get something wrong we correct it, say so at the end of the story with the date, and
                        update the story's modification time so feeds and search engines notice.

                        Corrections change the facts of a story; updates add to a developing one. Both are listed under
                        "Corrections and updates" on the article."""},
                {"Privacy", "privacy", "What we collect, and what we do not.", """
                        The demo site sets no tracking cookies and loads no third-party scripts. Staff sign-in uses one
                        session cookie.

                        A real publication describes here its analytics, newsletters and any memberships."""}};
        Instant at = SeedArticle.PUBLISHED_AT.minus(Duration.ofDays(30));
        for (String[] page : pages) {
            publishing.publishDated(DEMO, new Publishing.PublishDated(ArticleKind.PAGE, ArticleContent.markdown(page[0],
                    page[1], page[2], null, List.of(), List.of(), page[3], null, "en"), at, false));
        }
    }

    /** One account per role, passwords in the README; they exist only on a demo site. */
    private void createDemoStaff(Cast cast) {
        record Demo(String email, String name, String password, StaffRole role, Long authorId) {
        }
        List<Demo> accounts = List.of(
                new Demo("contributor@masthead.test", "Ines Moreau", "contributor-demo", StaffRole.CONTRIBUTOR, cast.authors().get(1).id()),
                new Demo("reporter@masthead.test", SeedArticle.AUTHOR, "reporter-demo", StaffRole.REPORTER, cast.seedAuthor().id()),
                new Demo("editor@masthead.test", "Petro Hnatiuk", "editor-demo1", StaffRole.EDITOR, cast.authors().get(4).id()),
                new Demo("admin@masthead.test", "Demo Administrator", "admin-demo12", StaffRole.ADMINISTRATOR, null));
        for (Demo account : accounts) {
            if (staff.findByEmail(account.email()).isEmpty()) {
                staff.create(account.email(), account.name(), account.password(), account.role(), account.authorId());
            }
        }
        log.info("Demo staff accounts: {} (passwords in the README)", accounts.stream().map(Demo::email).toList());
    }

    /**
     * Bulk data through the importers' path: a batch is checked and rendered on this thread while the one before is
     * written in its own transaction on another, with one event per batch (search indexed per batch) — and, like an
     * archive, no News Feed announcements and no live events.
     */
    private void generate(Cast cast, int count) {
        Instant newest = SeedArticle.PUBLISHED_AT.minus(Duration.ofDays(7));
        long started = System.nanoTime();
        org.masthead.content.Actor generator = org.masthead.content.Actor.importer("Synthetic articles");
        List<Long> writers = generatedWriters(generator, GeneratedArchive.writers(count));
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<?> writing = null;
        try {
            for (int from = 0; from < count; from += GENERATION_BATCH) {
                int end = Math.min(count, from + GENERATION_BATCH);
                List<org.masthead.content.ArchiveImports.Prepared> batch = new ArrayList<>();
                for (int number = from; number < end; number++) {
                    Instant at = GeneratedArchive.publishedAt(newest, number, count);
                    batch.add(imports.prepare(generator, new org.masthead.content.ArchiveImports.Incoming("generated:" + number,
                            ArticleKind.ARTICLE, generatedContent(cast, writers, number), ArticleStatus.PUBLISHED, at, at,
                            at, null, List.of())));
                }
                await(writing);
                int done = end;
                writing = writer.submit(() -> {
                    imports.write(generator, "synthetic articles", batch);
                    if (done % 10_000 == 0 || done == count) {
                        log.info("Generated {} of {} articles ({} s)", done, count, (System.nanoTime() - started) / 1_000_000_000);
                    }
                });
            }
            await(writing);
        } finally {
            writer.shutdownNow();
        }
        log.info("Generated {} articles in {} s", count, (System.nanoTime() - started) / 1_000_000_000);
    }

    /** The archive's writers, made through the importers' path like an archive's authors. */
    private List<Long> generatedWriters(org.masthead.content.Actor generator, int count) {
        List<Long> ids = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            GeneratedArchive.Writer writer = GeneratedArchive.writer(index);
            ids.add(imports.author(generator, "generated-writer:" + index, null, writer.name(), writer.jobTitle(),
                    writer.bio(), null, List.of()));
        }
        return ids;
    }

    private ArticleContent generatedContent(Cast cast, List<Long> writers, int number) {
        GeneratedArchive.Story story = GeneratedArchive.story(number, writers.size());
        List<Long> bylines = new ArrayList<>();
        bylines.add(writers.get(story.author()));
        if (story.coAuthor() >= 0) {
            bylines.add(writers.get(story.coAuthor()));
        }
        MediaFile image = cast.images().get(Math.floorMod(number, cast.images().size()));
        LeadImage leadImage = new LeadImage(image.id(), "Illustration for the story: " + story.headline(),
                "An illustration made for Masthead's benchmark archive.", "Masthead demo image");
        return ArticleContent.markdown(story.headline(), numberedSlug(story.headline(), DEMO_STORIES + 1 + number), story.standfirst(),
                cast.sections().get(story.section()).id(), bylines, story.tags(), story.markdown(), leadImage, "en");
    }

    private static String numberedSlug(String headline, int number) {
        return Slugs.numbered(Slugs.slugify(headline), number);
    }

    private static void await(java.util.concurrent.Future<?> writing) {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating articles", e);
        }
    }

    private ArticleContent storyContent(Cast cast, int number) {
        SyntheticArticles.Story story = SyntheticArticles.story(number);
        List<Long> bylines = new ArrayList<>();
        bylines.add(cast.authors().get(Math.floorMod(number, cast.authors().size())).id());
        if (number % 7 == 0) {
            bylines.add(cast.authors().get(Math.floorMod(number + 2, cast.authors().size())).id());
        }
        MediaFile image = cast.images().get(Math.floorMod(number, cast.images().size()));
        LeadImage leadImage = new LeadImage(image.id(), "Illustration for the demo story: " + story.headline(),
                "An illustration made for Masthead's demo content.", "Masthead demo image");
        return ArticleContent.markdown(story.headline(), numberedSlug(story.headline(), number), story.standfirst(),
                cast.sections().get(story.section()).id(), bylines, story.tags(), story.markdown(), leadImage, "en");
    }

    /** Through the one write path, as the system, dated when the story says it appeared. */
    private void publish(ArticleContent content, Instant at) {
        publishing.publishDated(DEMO, new Publishing.PublishDated(ArticleKind.ARTICLE, content, at, false));
    }

    private static final Actor DEMO = Actor.system("Demo content");
}
