package org.masthead.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.masthead.text.PlainText;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's images. Files live under the data directory, named by the hash of their bytes, so the same
 * picture is stored once and a URL never changes meaning (it can be cached forever); each upload also gets
 * resized variants for responsive images.
 */
@Service
public class MediaLibrary {

    static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{32}\\.(jpg|png|webp|gif)");
    private static final String COLUMNS = "id, file_name, content_type, width, height, byte_size, alt, caption, credit, original_name, created_at";
    private final RowMapper<MediaFile> file = (rs, row) -> new MediaFile(rs.getLong("id"),
            rs.getString("file_name"), rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"),
            rs.getLong("byte_size"), rs.getString("alt"), rs.getString("caption"), rs.getString("credit"),
            rs.getString("original_name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            urls().url(rs.getString("file_name")));

    private final JdbcClient jdbc;
    private final ImageProcessor processor;
    private final MediaStore store;
    private final Clock clock;
    private final MediaUrls urls;

    MediaLibrary(JdbcClient jdbc, ImageProcessor processor, MediaStore store, Clock clock, MediaUrls urls) {
        this.urls = urls;
        this.jdbc = jdbc;
        this.processor = processor;
        this.store = store;
        this.clock = clock;
    }

    /** Checks, cleans and stores an uploaded image with its variants; refuses anything else with a MediaException. */
    @Transactional
    public MediaFile upload(byte[] bytes, String originalName, Long uploadedBy) {
        return claimed(store(bytes, originalName, uploadedBy)).file();
    }

    /** Uploaded to the library itself: kept, even when the same picture came in from the editor unused before. */
    private Stored claimed(Stored stored) {
        jdbc.sql("update media set claimed = true where id = ? and not claimed").param(stored.file().id()).update();
        return stored;
    }

    /**
     * Uploads an image with the uploader's description. The same picture is stored once (by the hash of its
     * bytes): uploading it again describes it only when it is new to the library or the uploader may rewrite
     * descriptions (editors), so a re-upload cannot overwrite what an editor wrote.
     */
    @Transactional
    public MediaFile upload(byte[] bytes, String originalName, Long uploadedBy, Description description,
                            boolean mayRewriteDescriptions) {
        Stored stored = claimed(store(bytes, originalName, uploadedBy));
        if (!description.isEmpty() && (stored.isNew() || mayRewriteDescriptions)) {
            describe(stored.file().id(), description.alt(), description.caption(), description.credit());
            return find(stored.file().id()).orElseThrow();
        }
        return stored.file();
    }

    /**
     * An upload from the article editor: stored now, but kept only once an article saved with it claims it
     * ({@link #claim}); one nobody used is swept away after a day ({@link UnusedUploads}). A picture the library
     * already had stays as it was.
     */
    @Transactional
    public MediaFile uploadForArticle(byte[] bytes, String originalName, Long uploadedBy) {
        Stored stored = store(bytes, originalName, uploadedBy);
        if (stored.isNew()) {
            jdbc.sql("update media set claimed = false where id = ?").param(stored.file().id()).update();
        }
        return stored.file();
    }

    /** These pictures are in use (an article was saved with them): they stay in the library. */
    public void claim(java.util.Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update media set claimed = true where id = any(?) and not claimed").param(ids.toArray(Long[]::new)).update();
        }
    }

    /**
     * What a writer typed for a picture where they used it becomes the library's description where the library
     * had none, so the next article that picks it starts with it. A description someone already wrote stays.
     */
    public void describeWhereBlank(long id, String alt, String caption, String credit) {
        jdbc.sql("""
                update media set alt = case when alt = '' then :alt else alt end,
                    caption = case when caption = '' then :caption else caption end,
                    credit = case when credit = '' then :credit else credit end
                where id = :id and (alt = '' or caption = '' or credit = '')
                """).param("id", id).param("alt", limit(PlainText.line(alt), FieldLimits.ALT))
                .param("caption", limit(PlainText.multiline(caption), FieldLimits.CAPTION))
                .param("credit", limit(PlainText.line(credit), FieldLimits.CREDIT)).update();
    }

    private static String limit(String text, int characters) {
        return text.length() <= characters ? text : text.substring(0, characters);
    }

    /** The resized JPEG or PNG copies of a picture, smallest first, for {@code srcset}. */
    public List<Variant> variants(long id) {
        return jdbc.sql("select width, file_name from media_variant where media_id = ? and not webp order by width").param(id)
                .query((rs, row) -> new Variant(rs.getInt("width"), urls.url(rs.getString("file_name")))).list();
    }

    public record Variant(int width, String url) {
    }

    /** Library pictures whose description or file name contains every word of {@code query}, newest first. */
    public List<MediaFile> search(String query, Long beforeId, int limit) {
        List<String> words = java.util.Arrays.stream(PlainText.line(query).toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isBlank()).limit(8).toList();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from media where claimed and (:before::bigint is null or id < :before)");
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and lower(alt || ' ' || caption || ' ' || credit || ' ' || original_name) like :word").append(i)
                    .append(" escape '\\'");
        }
        sql.append(" order by id desc limit :limit");
        var statement = jdbc.sql(sql.toString()).param("before", beforeId).param("limit", limit);
        for (int i = 0; i < words.size(); i++) {
            statement = statement.param("word" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return statement.query(file).list();
    }

    /** What the library says about a picture; the defaults wherever it is used. */
    public record Description(String alt, String caption, String credit) {

        public boolean isEmpty() {
            return (alt == null || alt.isBlank()) && (caption == null || caption.isBlank()) && (credit == null || credit.isBlank());
        }
    }

    private record Stored(MediaFile file, boolean isNew) {
    }

    private Stored store(byte[] bytes, String originalName, Long uploadedBy) {
        if (bytes == null || bytes.length == 0) {
            throw new MediaException("The file is empty.");
        }
        ImageProcessor.Processed image = processor.process(bytes);
        WrittenFiles written = WrittenFiles.forThisTransaction(store);
        String fileName = store(image.original(), image.type(), written);
        String name = PlainText.line(originalName);
        Long created = jdbc.sql("""
                insert into media (file_name, content_type, width, height, byte_size, created_at, original_name, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (file_name) do nothing returning id
                """).params(fileName, image.type().contentType, image.width(), image.height(),
                (long) image.original().length, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                name.substring(0, Math.min(name.length(), FieldLimits.FILE_NAME)), uploadedBy)
                .query(Long.class).optional().orElse(null);
        MediaFile media = findByFileName(fileName).orElseThrow();
        storeVariants(media.id(), image.variants(), written);
        return new Stored(media, created != null);
    }

    private void storeVariants(long mediaId, List<ImageProcessor.Variant> variants, WrittenFiles written) {
        for (ImageProcessor.Variant variant : variants) {
            String variantName = store(variant.bytes(), variant.type(), written);
            jdbc.sql("""
                    insert into media_variant (media_id, width, height, file_name, byte_size, webp) values (?, ?, ?, ?, ?, ?)
                    on conflict do nothing
                    """).params(mediaId, variant.width(), variant.height(), variantName, (long) variant.bytes().length,
                            variant.type() == ImageType.WEBP)
                    .update();
        }
    }

    /**
     * Pictures after {@code afterId} lacking a copy at one of today's variant widths, or its WebP copy (stored
     * before these existed).
     */
    List<MediaFile> lackingVariants(long afterId, int limit) {
        String widths = java.util.Arrays.stream(ImageProcessor.VARIANT_WIDTHS).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        return jdbc.sql("select " + COLUMNS + " from media m where m.id > :after and exists (select 1 from unnest(array["
                + widths + "]) w where w < m.width and (select count(*) from media_variant v where v.media_id = m.id"
                + " and v.width = w and (not v.webp or :webp)) < :copies) order by m.id limit :limit")
                .param("after", afterId).param("webp", WebpEncoder.available())
                .param("copies", WebpEncoder.available() ? 2 : 1).param("limit", limit).query(file).list();
    }

    /** Makes the copies a stored picture lacks from its original; what another node made meanwhile is kept. */
    @Transactional
    public void addMissingVariants(MediaFile media) {
        java.util.Set<String> stored = new java.util.HashSet<>(jdbc.sql(
                "select width || (case when webp then ' webp' else '' end) from media_variant where media_id = ?")
                .param(media.id()).query(String.class).list());
        int[] missing = java.util.Arrays.stream(ImageProcessor.VARIANT_WIDTHS)
                .filter(width -> width < media.width())
                .filter(width -> !stored.contains(width + "") || WebpEncoder.available() && !stored.contains(width + " webp"))
                .toArray();
        if (missing.length == 0) {
            return;
        }
        byte[] original;
        try (var in = store.get(media.fileName()).orElseThrow(() -> new MediaException("The file of " + media.fileName()
                + " is missing.")).getInputStream()) {
            original = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new MediaException("The file of " + media.fileName() + " cannot be read.");
        }
        storeVariants(media.id(), processor.variants(original, missing).stream()
                .filter(variant -> !stored.contains(variant.width() + (variant.type() == ImageType.WEBP ? " webp" : "")))
                .toList(), WrittenFiles.forThisTransaction(store));
    }

    private MediaUrls urls() {
        return urls;
    }

    /** The picture stored under this file name, or one of whose resized variants is (an address a client kept). */
    public Optional<MediaFile> findByStoredName(String fileName) {
        return jdbc.sql("select " + COLUMNS + " from media where file_name = :name or id = "
                + "(select media_id from media_variant where file_name = :name)").param("name", fileName).query(file).optional();
    }

    public Optional<MediaFile> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from media where id = ?").param(id).query(file).optional();
    }

    /** Newest first, a page at a time (keyset on id); uploads no article has used yet are not listed. */
    public List<MediaFile> page(Long beforeId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from media where claimed and (:before::bigint is null or id < :before) order by id desc limit :limit")
                .param("before", beforeId).param("limit", limit).query(file).list();
    }

    public void describe(long id, String alt, String caption, String credit) {
        FieldErrors errors = new FieldErrors();
        String cleanAlt = errors.line("alt", "The alt text", alt, FieldLimits.ALT);
        String cleanCaption = errors.text("caption", "The caption", caption, FieldLimits.CAPTION);
        String cleanCredit = errors.line("credit", "The credit", credit, FieldLimits.CREDIT);
        if (!errors.isEmpty()) {
            throw new MediaException(String.join(" ", errors.asMap().values()));
        }
        int updated = jdbc.sql("update media set alt = ?, caption = ?, credit = ? where id = ?")
                .params(cleanAlt, cleanCaption, cleanCredit, id).update();
        if (updated != 1) {
            throw new MediaException("That image no longer exists.");
        }
    }

    Optional<MediaFile> findByFileName(String fileName) {
        return jdbc.sql("select " + COLUMNS + " from media where file_name = ?").param(fileName).query(file).optional();
    }

    /** Content type of a stored original or variant file. */
    Optional<String> contentTypeOf(String fileName) {
        return jdbc.sql("""
                select content_type from media where file_name = :name
                union all
                select case when v.file_name like '%.png' then 'image/png' when v.webp then 'image/webp' else 'image/jpeg' end
                from media_variant v where v.file_name = :name
                limit 1
                """).param("name", fileName).query(String.class).optional();
    }

    Optional<org.springframework.core.io.Resource> open(String fileName) {
        return store.get(fileName);
    }

    private String store(byte[] bytes, ImageType type, WrittenFiles written) {
        String fileName = sha256(bytes).substring(0, 32) + "." + type.extension;
        if (store.put(fileName, bytes)) {
            written.add(fileName);
        }
        return fileName;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
