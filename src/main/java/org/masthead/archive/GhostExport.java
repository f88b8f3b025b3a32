package org.masthead.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.masthead.media.MediaStore;
import org.masthead.media.MediaUrls;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole site as a Ghost export ({@code {"db":[{"meta":…,"data":{…}}]}}), so Ghost and Ghost-aware tools can
 * read it, with Masthead's own columns and tables ({@code masthead_*}, ignored by Ghost) so a Masthead import
 * restores every article, byline, tag, section and address exactly; and the pictures as a zip laid out as Ghost's
 * {@code content/images}. Streamed: posts are read a page at a time, whatever the size of the archive.
 */
@Component
public class GhostExport {

    /** The Ghost release whose export format this file follows. */
    static final String GHOST_VERSION = "6.0.0";
    static final String IMAGES_FOLDER = "content/images/";
    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(GhostExport.class);
    /** The caller owns the stream it hands over: closing the generator must not close it. */
    private static final JsonMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JdbcClient jdbc;
    private final MediaStore store;
    private final MediaUrls urls;
    private final SiteSettings settings;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    GhostExport(JdbcClient jdbc, MediaStore store, MediaUrls urls, SiteSettings settings,
                PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.urls = urls;
        this.settings = settings;
        this.clock = clock;
        // every table from one snapshot, so a post never links to a tag written after the tags were exported
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Writes the export to {@code json} (left open). */
    public void write(OutputStream json) {
        Site site = settings.current();
        ExportAddresses addresses = new ExportAddresses(site, urls);
        Instant now = clock.instant();
        snapshot.executeWithoutResult(status -> {
            try (JsonGenerator out = JSON.createGenerator(json)) {
                out.writeStartObject();
                out.writeArrayPropertyStart("db");
                out.writeStartObject();
                out.writeObjectPropertyStart("meta");
                out.writeNumberProperty("exported_on", now.toEpochMilli());
                out.writeStringProperty("version", GHOST_VERSION);
                out.writeEndObject();
                out.writeObjectPropertyStart("data");
                writeTables(out, addresses, site, now);
                out.writeEndObject();
                out.writeEndObject();
                out.writeEndArray();
                out.writeEndObject();
            }
        });
    }

    private void writeTables(JsonGenerator out, ExportAddresses addresses, Site site, Instant now) {
        ExportedPosts posts = new ExportedPosts(jdbc, addresses, PAGE);
        posts.writePosts(out);
        posts.writeMeta(out);
        ExportedLinks links = new ExportedLinks(jdbc, PAGE);
        links.write(ExportedLinks.Kind.TAGS, out);
        links.write(ExportedLinks.Kind.AUTHORS, out);
        ExportedTaxonomy taxonomy = new ExportedTaxonomy(jdbc, PAGE);
        taxonomy.writeTags(out);
        ExportedPeople people = new ExportedPeople(jdbc, addresses, PAGE);
        people.writeUsers(out);
        people.writeRoles(out, now);
        people.writeRolesUsers(out);
        writeSettings(out, site, now);
        taxonomy.writeSections(out);
    }

    /** The site's name, description, language and time zone, as Ghost's settings keys. */
    private static void writeSettings(JsonGenerator out, Site site, Instant now) {
        out.writeArrayPropertyStart("settings");
        for (List<String> setting : List.of(List.of("title", site.name()), List.of("description", site.tagline()),
                List.of("lang", site.language()), List.of("timezone", site.timeZone().getId()))) {
            out.writeStartObject();
            out.writeStringProperty("id", ExportIds.of("settings", setting.get(0)));
            out.writeStringProperty("group", "site");
            out.writeStringProperty("key", setting.get(0));
            out.writeStringProperty("value", setting.get(1));
            out.writeStringProperty("type", "string");
            out.writeNullProperty("flags");
            ExportJson.date(out, "created_at", now);
            ExportJson.date(out, "updated_at", now);
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /**
     * Writes every picture of the library — the originals; their resized copies are made again on import — to
     * {@code zip} (left open) as {@link #mediaEntryName entries} under {@code content/images/}. A file missing from
     * the store is left out and logged: the rest of the archive is still worth having.
     */
    public void writeMedia(OutputStream zip) {
        try (ZipOutputStream out = new ZipOutputStream(new NonClosing(zip))) {
            // pictures are compressed already: deflating them again costs CPU and saves nothing
            out.setLevel(Deflater.NO_COMPRESSION);
            long after = 0;
            while (true) {
                List<MediaRow> page = jdbc.sql("select media_id, file_name from media_picture where media_id > ? order by media_id limit ?")
                        .params(after, PAGE).query((rs, n) -> new MediaRow(rs.getLong("media_id"), rs.getString("file_name")))
                        .list();
                for (MediaRow picture : page) {
                    copy(picture.fileName(), out);
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The media could not be written: " + e.getMessage(), e);
        }
    }

    /** Where a picture stored as {@code fileName} goes in the media zip: Ghost's {@code content/images/<name>}. */
    public String mediaEntryName(String fileName) {
        return IMAGES_FOLDER + fileName;
    }

    private record MediaRow(long id, String fileName) {
    }

    private void copy(String fileName, ZipOutputStream out) throws IOException {
        Optional<Resource> file = store.get(fileName);
        if (file.isEmpty()) {
            log.warn("Export: {} is in the media library but not in the store; left out of the zip", fileName);
            return;
        }
        out.putNextEntry(new ZipEntry(mediaEntryName(fileName)));
        try (InputStream in = file.get().getInputStream()) {
            in.transferTo(out);
        }
        out.closeEntry();
    }

    /** The caller's stream, which the zip must not close when it is done. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
