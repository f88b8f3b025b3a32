package org.masthead.archive;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.masthead.archive.source.ArchiveVisitor;
import org.masthead.archive.source.SourceAuthor;
import org.masthead.archive.source.SourceImage;
import org.masthead.archive.source.SourcePost;
import org.masthead.archive.source.SourceTerm;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyNode;
import org.masthead.body.LexicalToBlocks;
import org.masthead.content.Actor;
import org.masthead.content.ArchiveImports;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Author;
import org.masthead.content.LeadImage;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.content.Seo;
import org.masthead.media.MediaFile;
import org.masthead.text.FieldLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one import: reads the archive once to check it and count its posts (a truncated or unreadable file stops
 * here, before anything is written), then streams it again into content's write path in batches — each batch one
 * transaction — with its pictures brought into the media library first. Keys already imported are skipped, so a
 * re-run changes nothing and an interrupted run picks up where it stopped. A dry run stops after the first read
 * and reports what would happen.
 */
@Component
public class ArchiveImporter {

    private static final Logger log = LoggerFactory.getLogger(ArchiveImporter.class);
    private static final String DEFAULT_SECTION_KEY = "masthead:default-section";

    /**
     * @param file   the archive
     * @param media  a folder or zip of its pictures, or null (then they are fetched from their addresses)
     * @param source how the import is named in the audit log and the actor ("newsroom import 12", "command line")
     */
    public record Request(Path file, Path media, boolean dryRun, String source) {
    }

    private final ArchiveImports imports;
    private final Sections sections;
    private final ImportPictures pictures;
    private final int batchSize;
    private final int parallelFetches;

    ArchiveImporter(ArchiveImports imports, Sections sections, ImportPictures pictures,
                    @Value("${masthead.import.batch-size:200}") int batchSize,
                    @Value("${masthead.import.parallel-fetches:4}") int parallelFetches) {
        this.imports = imports;
        this.sections = sections;
        this.pictures = pictures;
        this.batchSize = batchSize;
        this.parallelFetches = parallelFetches;
    }

    /**
     * @param progress told after the check and after every batch, with the same report object
     * @throws org.masthead.archive.source.ArchiveFormatException the file is not a readable archive (nothing written)
     */
    public ImportReport run(Request request, Consumer<ImportReport> progress) {
        ArchiveFormat format = ArchiveFormat.detect(request.file());
        ImportReport report = new ImportReport(request.dryRun());
        Survey survey = new Survey(report);
        format.read(request.file(), survey);
        survey.finish();
        report.total(survey.posts);
        if (request.dryRun()) {
            progress.accept(report);
            return report;
        }
        ImportReport result = new ImportReport(false);
        result.total(survey.posts);
        progress.accept(result); // the file is sound and counted: the bar has its measure, nothing done yet
        Actor importer = Actor.importer(request.source());
        ExecutorService fetchers = Executors.newFixedThreadPool(Math.max(1, parallelFetches));
        ExecutorService database = Executors.newSingleThreadExecutor();
        try (MediaSource media = request.media() == null ? null : MediaSource.open(request.media())) {
            Writer writer = new Writer(importer, request.source(), result, media, fetchers, database, progress);
            format.read(request.file(), writer);
            writer.flush();
            writer.awaitWrite();
        } finally {
            fetchers.shutdownNow();
            database.shutdownNow();
        }
        progress.accept(result);
        return result;
    }

    /**
     * Archive keys made unique across sites: two WordPress sites both have a post 12 and an author "admin", so a
     * key is prefixed with the site the archive came from (when it says), and a second site's archive does not
     * find the first one's articles.
     */
    static final class Keys {
        private String prefix = "";

        void site(String baseUrl) {
            prefix = baseUrl == null || baseUrl.isBlank() ? "" : baseUrl.strip().replaceAll("/+$", "") + "|";
        }

        String of(String key) {
            return prefix + key;
        }
    }

    /** The first read: counts, what is already here, what would be skipped — writes nothing. */
    private final class Survey implements ArchiveVisitor {
        private final ImportReport report;
        private final List<String> keys = new ArrayList<>();
        private final Set<String> authors = new HashSet<>();
        private final Set<String> terms = new HashSet<>();
        private final Keys scope = new Keys();
        private long posts;

        Survey(ImportReport report) {
            this.report = report;
        }

        @Override
        public void site(String baseUrl, String title) {
            scope.site(baseUrl);
        }

        @Override
        public void author(SourceAuthor author) {
            if (authors.add(author.key())) {
                report.author();
            }
        }

        @Override
        public void section(SourceTerm section) {
            if (terms.add(section.key())) {
                report.section();
            }
        }

        @Override
        public void tag(SourceTerm tag) {
            if (terms.add(tag.key())) {
                report.tag();
            }
        }

        @Override
        public void post(SourcePost post) {
            posts++;
            keys.add(scope.of(post.key()));
            if (post.featureImage() != null) {
                report.imageStored();
            }
            post.warnings().forEach(warning -> report.note(post.key(), warning));
            if (keys.size() >= 1_000) {
                finish();
            }
        }

        @Override
        public void skipped(String kind, String detail) {
            report.skipped(kind, detail);
        }

        void finish() {
            if (keys.isEmpty()) {
                return;
            }
            long known = imports.alreadyImported(keys).size();
            report.unchanged(known);
            report.created(keys.size() - known);
            report.processed(keys.size());
            keys.clear();
        }
    }

    /** The second read: people and taxonomy as they come, posts in batches. */
    private final class Writer implements ArchiveVisitor {
        private final Actor importer;
        private final String source;
        private final ImportReport report;
        private final MediaSource media;
        private final ExecutorService fetchers;
        /** Writes one batch while the next is read, converted and rendered: the two cores work at once. */
        private final ExecutorService database;
        private Future<?> writing;
        private final Consumer<ImportReport> progress;
        private final Map<String, Long> authorIds = new HashMap<>();
        private final Map<String, Long> sectionIds = new HashMap<>();
        private final Map<String, String> tagNames = new HashMap<>();
        private final List<SourcePost> batch = new ArrayList<>();
        private final Keys scope = new Keys();
        private URI base;
        private Long defaultSection;

        Writer(Actor importer, String source, ImportReport report, MediaSource media, ExecutorService fetchers,
               ExecutorService database, Consumer<ImportReport> progress) {
            this.importer = importer;
            this.source = source;
            this.report = report;
            this.media = media;
            this.fetchers = fetchers;
            this.database = database;
            this.progress = progress;
        }

        @Override
        public void site(String baseUrl, String title) {
            scope.site(baseUrl);
            try {
                base = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl.strip().replaceAll("/*$", "/"));
            } catch (IllegalArgumentException e) {
                base = null;
            }
        }

        @Override
        public void author(SourceAuthor author) {
            authorId(author);
        }

        @Override
        public void section(SourceTerm section) {
            sectionId(section);
        }

        @Override
        public void tag(SourceTerm tag) {
            tagName(tag);
        }

        @Override
        public void skipped(String kind, String detail) {
            report.skipped(kind, detail);
        }

        @Override
        public void post(SourcePost post) {
            batch.add(post);
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<SourcePost> posts = List.copyOf(batch);
            batch.clear();
            Set<String> known = imports.alreadyImported(posts.stream().map(post -> scope.of(post.key())).toList());
            List<SourcePost> fresh = posts.stream().filter(post -> !known.contains(scope.of(post.key()))).toList();
            report.unchanged(posts.size() - fresh.size());
            fresh.forEach(post -> post.warnings().forEach(warning -> report.note(scope.of(post.key()), warning)));
            Map<String, MediaFile> brought = bringInPictures(fresh);
            List<ArchiveImports.Prepared> prepared = new ArrayList<>();
            for (SourcePost post : fresh) {
                try {
                    prepared.add(imports.prepare(importer, incoming(post, brought)));
                } catch (RuntimeException e) {
                    report.failed(scope.of(post.key()), e.getMessage());
                }
            }
            awaitWrite(); // one batch in flight: memory stays flat however long the archive
            writing = database.submit(() -> {
                write(prepared);
                report.processed(posts.size());
                progress.accept(report);
            });
        }

        /** Waits for the batch being written; its failure (a stopped import) is the import's. */
        void awaitWrite() {
            if (writing == null) {
                return;
            }
            try {
                writing.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted", e);
            } finally {
                writing = null;
            }
        }

        /** One transaction for the batch; if it fails, each article alone, so one bad post costs only itself. */
        private void write(List<ArchiveImports.Prepared> prepared) {
            if (prepared.isEmpty()) {
                return;
            }
            try {
                record(imports.write(importer, source, prepared));
            } catch (RuntimeException batchFailed) {
                log.warn("An import batch failed ({}); importing its articles one by one", batchFailed.getMessage());
                for (ArchiveImports.Prepared one : prepared) {
                    try {
                        record(imports.importBatch(importer, source, List.of(one.incoming())));
                    } catch (RuntimeException e) {
                        report.failed(one.key(), e.getMessage());
                    }
                }
            }
        }

        private void record(List<ArchiveImports.Outcome> outcomes) {
            for (ArchiveImports.Outcome outcome : outcomes) {
                if (outcome.alreadyImported()) {
                    report.unchanged(1);
                } else {
                    report.created(1);
                    outcome.notes().forEach(note -> report.note(outcome.key(), note));
                }
            }
        }

        /** Every picture the batch shows, fetched a few at a time; each address once. */
        private Map<String, MediaFile> bringInPictures(List<SourcePost> posts) {
            Map<String, SourceImage> wanted = new LinkedHashMap<>();
            for (SourcePost post : posts) {
                if (post.featureImage() != null && post.featureImage().url() != null) {
                    String address = absolute(post.featureImage().url());
                    if (address != null) {
                        wanted.put(address, post.featureImage());
                    }
                }
                for (String url : List.of(nullToEmpty(post.meta().ogImageUrl()), nullToEmpty(post.meta().twitterImageUrl()))) {
                    String address = url.isEmpty() ? null : absolute(url);
                    if (address != null) {
                        wanted.putIfAbsent(address, null);
                    }
                }
                for (String url : bodyPictures(post)) {
                    String address = absolute(url);
                    if (address != null) {
                        wanted.putIfAbsent(address, null);
                    }
                }
            }
            Map<String, Future<MediaFile>> pending = new LinkedHashMap<>();
            wanted.forEach((address, description) -> pending.put(address,
                    fetchers.submit(() -> pictures.bringIn(address, description, media))));
            Map<String, MediaFile> brought = new HashMap<>();
            pending.forEach((address, future) -> {
                try {
                    brought.put(address, future.get());
                    report.imageStored();
                } catch (java.util.concurrent.ExecutionException e) {
                    report.imageFailed(address, e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    report.imageFailed(address, "interrupted");
                }
            });
            return brought;
        }

        private List<String> bodyPictures(SourcePost post) {
            SourcePost.SourceBody body = post.body();
            List<String> urls = new ArrayList<>();
            if (body.format() == SourcePost.SourceBody.Format.HTML) {
                if (!body.source().contains("<img")) {
                    return urls;
                }
                for (Element image : Jsoup.parseBodyFragment(body.source()).select("img[src]")) {
                    urls.add(image.attr("src"));
                }
            } else if (body.format() == SourcePost.SourceBody.Format.BLOCKS || body.format() == SourcePost.SourceBody.Format.LEXICAL) {
                blocks(post).visit(node -> {
                    if ("image".equals(node.type()) && !node.attr("src").isBlank()) {
                        urls.add(node.attr("src"));
                    }
                });
            } else if (body.format() == SourcePost.SourceBody.Format.MARKDOWN) {
                java.util.regex.Matcher images = java.util.regex.Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]+)").matcher(body.source());
                while (images.find()) {
                    urls.add(images.group(1));
                }
            }
            return urls;
        }

        private BodyDocument blocks(SourcePost post) {
            SourcePost.SourceBody body = post.body();
            try {
                return body.format() == SourcePost.SourceBody.Format.LEXICAL ? LexicalToBlocks.convert(body.source())
                        : BodyDocument.parse(body.source());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("its body cannot be read: " + e.getMessage(), e);
            }
        }

        /** An address in the archive as an absolute one: site-relative and Ghost's placeholder resolve against the site. */
        private String absolute(String url) {
            String address = url.strip().replace("__GHOST_URL__", base == null ? "" : base.toString().replaceAll("/$", ""));
            if (address.startsWith("//")) {
                address = "https:" + address;
            }
            try {
                URI uri = URI.create(address.replace(" ", "%20"));
                if (uri.isAbsolute()) {
                    return uri.toString();
                }
                return base == null ? address : base.resolve(uri).toString();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private ArchiveImports.Incoming incoming(SourcePost post, Map<String, MediaFile> brought) {
            boolean page = post.kind() == SourcePost.Kind.PAGE;
            List<Long> authors = post.authors().stream().map(this::authorId).distinct().toList();
            List<String> tags = post.tags().stream().map(this::tagName).distinct().toList();
            if (tags.size() > FieldLimits.TAGS_PER_ARTICLE) {
                report.note(post.key(), "had " + tags.size() + " tags; kept the first " + FieldLimits.TAGS_PER_ARTICLE);
                tags = tags.subList(0, FieldLimits.TAGS_PER_ARTICLE);
            }
            Long section = page ? null : post.section() == null ? defaultSection() : sectionId(post.section());
            String headline = clip(post.title(), FieldLimits.HEADLINE);
            if (headline.isBlank()) {
                headline = "Untitled";
                report.note(post.key(), "had no title; imported as \"Untitled\"");
            }
            Body body = body(post, brought);
            LeadImage lead = null;
            if (post.featureImage() != null && post.featureImage().url() != null) {
                MediaFile file = brought.get(absolute(post.featureImage().url()));
                if (file != null) {
                    SourceImage image = post.featureImage();
                    lead = new LeadImage(file.id(), clip(nullToEmpty(image.alt()), FieldLimits.ALT),
                            clip(image.caption() == null ? "" : Jsoup.parse(image.caption()).text(), FieldLimits.CAPTION),
                            clip(nullToEmpty(image.credit()), FieldLimits.CREDIT));
                }
            }
            SourcePost.Meta meta = post.meta();
            Seo seo = new Seo(clip(nullToEmpty(meta.metaTitle()), FieldLimits.SEO_TITLE),
                    clip(nullToEmpty(meta.metaDescription()), FieldLimits.STANDFIRST),
                    clip(nullToEmpty(meta.ogTitle()), FieldLimits.SEO_TITLE), clip(nullToEmpty(meta.ogDescription()), FieldLimits.STANDFIRST),
                    picture(meta.ogImageUrl(), brought), clip(nullToEmpty(meta.twitterTitle()), FieldLimits.SEO_TITLE),
                    clip(nullToEmpty(meta.twitterDescription()), FieldLimits.STANDFIRST), picture(meta.twitterImageUrl(), brought),
                    clip(nullToEmpty(meta.canonicalUrl()), FieldLimits.URL));
            ArticleContent content = new ArticleContent(headline, nullToEmpty(post.slug()),
                    clip(nullToEmpty(post.excerpt()), FieldLimits.STANDFIRST), section, authors,
                    tags.stream().map(tag -> clip(tag, FieldLimits.TAG)).toList(), body.source, body.format, lead,
                    post.language(), seo, post.featured());
            Publishing.PublicIds ids = post.ghostId() == null && post.uuid() == null ? null
                    : new Publishing.PublicIds(post.ghostId(), uuid(post.uuid()));
            return new ArchiveImports.Incoming(scope.of(post.key()), page ? ArticleKind.PAGE : ArticleKind.ARTICLE, content,
                    status(post.status()), post.publishedAt(), post.createdAt(), post.updatedAt(), ids, post.oldPaths());
        }

        private Long picture(String url, Map<String, MediaFile> brought) {
            if (url == null || url.isBlank()) {
                return null;
            }
            MediaFile file = brought.get(absolute(url));
            return file == null ? null : file.id();
        }

        private record Body(String source, BodyFormat format) {
        }

        /** The body with every picture that came in pointing at the library's copy. */
        private Body body(SourcePost post, Map<String, MediaFile> brought) {
            SourcePost.SourceBody body = post.body();
            switch (body.format()) {
                case HTML -> {
                    if (!body.source().contains("<img")) {
                        return new Body(siteRelative(body.source()), BodyFormat.HTML); // no picture to point at the library
                    }
                    Document html = Jsoup.parseBodyFragment(body.source());
                    html.outputSettings().prettyPrint(false);
                    for (Element image : html.select("img[src]")) {
                        MediaFile file = brought.get(absolute(image.attr("src")));
                        if (file != null) {
                            image.attr("src", file.url());
                            image.removeAttr("srcset");
                            image.removeAttr("sizes");
                        }
                    }
                    return new Body(siteRelative(html.body().html()), BodyFormat.HTML);
                }
                case MARKDOWN -> {
                    String markdown = body.source();
                    for (String url : bodyPictures(post)) {
                        MediaFile file = brought.get(absolute(url));
                        if (file != null) {
                            markdown = markdown.replace("](" + url, "](" + file.url());
                        }
                    }
                    return new Body(siteRelative(markdown), BodyFormat.MARKDOWN);
                }
                default -> {
                    BodyDocument document = blocks(post);
                    return new Body(new BodyDocument(document.blocks().stream().map(node -> linked(node, brought)).toList())
                            .toJson(), BodyFormat.BLOCKS);
                }
            }
        }

        /**
         * Ghost writes its own address as {@code __GHOST_URL__}: links to the old site's pages become site-relative
         * here, where their old addresses redirect; pictures that could not be brought in point at the old site.
         */
        private String siteRelative(String source) {
            if (!source.contains("__GHOST_URL__")) {
                return source;
            }
            String withPictures = base == null ? source
                    : source.replaceAll("(src=\"|\\]\\()__GHOST_URL__", "$1" + java.util.regex.Matcher.quoteReplacement(
                            base.toString().replaceAll("/$", "")));
            return withPictures.replace("__GHOST_URL__", "");
        }

        private BodyNode linked(BodyNode node, Map<String, MediaFile> brought) {
            BodyNode mapped = node;
            if ("image".equals(node.type()) && node.number("mediaId") == null && !node.attr("src").isBlank()) {
                MediaFile file = brought.get(absolute(node.attr("src")));
                if (file != null) {
                    Map<String, Object> attrs = new LinkedHashMap<>(node.attrs());
                    attrs.remove("src");
                    attrs.put("mediaId", file.id());
                    mapped = new BodyNode(node.type(), attrs, node.content(), node.marks(), node.text());
                }
            }
            return mapped.content().isEmpty() ? mapped
                    : mapped.withContent(mapped.content().stream().map(child -> linked(child, brought)).toList());
        }

        private long authorId(SourceAuthor author) {
            Long known = authorIds.get(author.key());
            if (known != null) {
                return known;
            }
            Long avatar = null;
            if (author.avatarUrl() != null) {
                String address = absolute(author.avatarUrl());
                try {
                    avatar = address == null ? null : pictures.bringIn(address, null, media).id();
                    report.imageStored();
                } catch (ImportPictures.PictureUnavailable e) {
                    report.imageFailed(address, e.getMessage());
                }
            }
            List<Author.AuthorLink> links = author.website() == null ? List.of()
                    : List.of(new Author.AuthorLink("Website", clip(author.website(), FieldLimits.URL)));
            long id = imports.author(importer, scope.of(author.key()), author.slug(), clip(author.name(), FieldLimits.NAME),
                    clip(nullToEmpty(author.jobTitle()), FieldLimits.JOB_TITLE), clip(nullToEmpty(author.bio()), FieldLimits.BIO),
                    avatar, links);
            authorIds.put(author.key(), id);
            report.author();
            return id;
        }

        private long sectionId(SourceTerm section) {
            Long known = sectionIds.get(section.key());
            if (known != null) {
                return known;
            }
            long id = imports.section(importer, scope.of(section.key()), section.slug(), clip(section.name(), 80),
                    clip(nullToEmpty(section.description()), FieldLimits.DESCRIPTION));
            sectionIds.put(section.key(), id);
            report.section();
            return id;
        }

        private String tagName(SourceTerm tag) {
            String known = tagNames.get(tag.key());
            if (known != null) {
                return known;
            }
            String name = tag.internal() && !tag.name().startsWith("#") ? "#" + tag.name() : tag.name();
            String stored = imports.tag(importer, scope.of(tag.key()), tag.slug(), clip(name, FieldLimits.TAG),
                    clip(nullToEmpty(tag.description()), FieldLimits.DESCRIPTION));
            tagNames.put(tag.key(), stored);
            report.tag();
            return stored;
        }

        /** Articles without a section in the archive (Ghost has none) go to the site's first section, or "News". */
        private long defaultSection() {
            if (defaultSection == null) {
                List<Section> existing = sections.all();
                defaultSection = existing.isEmpty()
                        ? imports.section(importer, DEFAULT_SECTION_KEY, "news", "News", "")
                        : existing.get(0).id();
            }
            return defaultSection;
        }
    }

    private static ArticleStatus status(SourcePost.Status status) {
        return switch (status) {
            case PUBLISHED -> ArticleStatus.PUBLISHED;
            case SCHEDULED -> ArticleStatus.SCHEDULED;
            case IN_REVIEW -> ArticleStatus.IN_REVIEW;
            case DRAFT -> ArticleStatus.DRAFT;
        };
    }

    private static java.util.UUID uuid(String text) {
        try {
            return text == null ? null : java.util.UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null; // Ghost regenerates a bad uuid too
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String clip(String text, int max) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
