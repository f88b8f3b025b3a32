package org.masthead.archive.ghost;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.archive.source.ArchiveVisitor;
import org.masthead.archive.source.SourcePost;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Ghost JSON export (Ghost 1 to 6, and Masthead's own Ghost-format export) into an {@link ArchiveVisitor},
 * never holding more than one post in memory.
 *
 * <p>It reads the file twice. The first pass reads all of it, so a truncated or broken file fails with an
 * {@link ArchiveFormatException} before the visitor sees anything, and keeps every table but the posts (people, tags,
 * which post has which, search fields) as small maps. The visitor then hears of the site, the authors who sign a
 * post, the sections and the tags; the second pass streams the posts, one at a time; last come the tables nobody
 * imports (members, newsletters, tiers…), one line each with their row count.
 */
public final class GhostJsonReader {

    /** Opens the export afresh for each pass: a file, or an entry in a zip. */
    @FunctionalInterface
    public interface ExportSource {
        InputStream open() throws IOException;
    }

    private GhostJsonReader() {
    }

    /**
     * @throws ArchiveFormatException when the file is not a complete Ghost export, before the visitor hears anything
     * @throws UncheckedIOException   when the file cannot be read
     */
    public static void read(Path file, ArchiveVisitor visitor) {
        read(() -> Files.newInputStream(file), visitor);
    }

    /** As {@link #read(Path, ArchiveVisitor)}, for an export that is not a plain file; {@code source} is opened twice. */
    public static void read(ExportSource source, ArchiveVisitor visitor) {
        GhostExportIndex index = pass(source, GhostExportIndex::read);
        visitor.site(index.siteUrl, index.siteTitle);
        index.bylineUsers().forEach(visitor::author);
        index.sections.values().forEach(visitor::section);
        index.tags.values().forEach(visitor::tag);
        PostStream posts = new PostStream(new GhostPostMapper(index), visitor);
        pass(source, parser -> {
            GhostExportLayout.walk(parser, posts::table);
            return null;
        });
        index.skippedTables.forEach((table, rows) ->
                visitor.skipped("table", table + " (" + rows + (rows == 1 ? " row)" : " rows)")));
    }

    /** The second pass: each post to the visitor, but a post whose slug an earlier one took, as Ghost's importer does. */
    private static final class PostStream {
        private final GhostPostMapper mapper;
        private final ArchiveVisitor visitor;
        private final Map<String, String> keysBySlug = new HashMap<>(); // Ghost's slugs are unique across posts and pages

        PostStream(GhostPostMapper mapper, ArchiveVisitor visitor) {
            this.mapper = mapper;
            this.visitor = visitor;
        }

        void table(String name, JsonParser parser) {
            if (!name.equals("posts")) {
                parser.skipChildren();
                return;
            }
            GhostExportLayout.forEachRow(parser, row -> {
                JsonNode post = row.readValueAsTree();
                if (post != null && post.isObject()) {
                    post(post);
                }
            });
        }

        private void post(JsonNode post) {
            String key = GhostPostMapper.key(post);
            String slug = GhostJson.nonBlank(post, "slug");
            if (slug != null) {
                String earlier = keysBySlug.putIfAbsent(slug.strip().toLowerCase(Locale.ROOT), key);
                if (earlier != null) {
                    visitor.skipped("duplicate slug", "\"" + GhostJson.text(post, "title") + "\" (" + key + "): the slug \""
                            + slug + "\" is already " + earlier + "'s, so Ghost would skip it too");
                    return;
                }
            }
            SourcePost mapped = mapper.map(post);
            visitor.post(mapped);
        }
    }

    /** One read of the whole export, its parse errors told as what they mean for the file. */
    private static <T> T pass(ExportSource source, Function<JsonParser, T> reading) {
        try (EndAwareInput in = new EndAwareInput(source.open()); JsonParser parser = GhostJson.MAPPER.createParser(in)) {
            try {
                return reading.apply(parser);
            } catch (StreamReadException e) {
                if (e.processor() != parser) {
                    throw e; // not the export's: thrown by the visitor
                }
                throw malformed(e, in);
            } catch (StreamConstraintsException e) {
                throw new ArchiveFormatException("The Ghost export has a value too large to import near line "
                        + line(parser.currentLocation()) + ": " + e.getOriginalMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause() != null ? e.getCause() : new IOException(e));
        }
    }

    static ArchiveFormatException truncated(JsonParser parser) {
        return new ArchiveFormatException("The Ghost export ends early at line " + line(parser.currentLocation())
                + ": it is truncated.");
    }

    /**
     * A file cut short mostly fails as "unexpected end of input", but not always: cut inside {@code true} or a number,
     * it fails as a bad token at its very end. Either way, an error where the bytes ran out is a truncation.
     */
    private static ArchiveFormatException malformed(StreamReadException e, EndAwareInput in) {
        TokenStreamLocation where = e.getLocation();
        boolean atTheEnd = in.ended() && (where == null || where.getByteOffset() < 0
                || where.getByteOffset() >= in.bytesRead() - 8);
        if (e instanceof UnexpectedEndOfInputException || atTheEnd) {
            return new ArchiveFormatException("The Ghost export ends early at line " + line(where)
                    + ": it is truncated.", e);
        }
        return new ArchiveFormatException("The Ghost export is not valid JSON at line " + line(where) + ", column "
                + (where == null ? "?" : where.getColumnNr()) + ": " + e.getOriginalMessage(), e);
    }

    private static String line(TokenStreamLocation where) {
        return where == null ? "?" : String.valueOf(where.getLineNr());
    }

    /** Counts the bytes the parser took and notices the end of the file, to tell a cut file from a broken one. */
    private static final class EndAwareInput extends FilterInputStream {
        private long bytesRead;
        private boolean ended;

        EndAwareInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) {
            if (n < 0) {
                ended = true;
            } else {
                bytesRead += n;
            }
        }

        boolean ended() {
            return ended;
        }

        long bytesRead() {
            return bytesRead;
        }
    }
}
