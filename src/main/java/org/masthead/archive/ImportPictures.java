package org.masthead.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.masthead.archive.source.SourceImage;
import org.masthead.media.MediaException;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings an archive's pictures into the media library: from the folder or zip given with the import, else fetched
 * from their address (http/https only, the upload pipeline's size and type limits, short timeouts, no addresses on
 * this machine or its private network unless allowed). Each source is stored once, remembered in
 * {@code import_picture}, so a re-run fetches nothing twice.
 */
@Component
class ImportPictures {

    /** Why a picture could not be brought in; the import goes on and reports it. */
    static class PictureUnavailable extends Exception {
        PictureUnavailable(String message) {
            super(message);
        }
    }

    private final MediaLibrary library;
    private final JdbcClient jdbc;
    private final long maxBytes;
    private final boolean allowPrivateAddresses;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    ImportPictures(MediaLibrary library, JdbcClient jdbc, MediaLimits limits,
                   @Value("${masthead.import.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.library = library;
        this.jdbc = jdbc;
        this.maxBytes = limits.maxBytes().toBytes();
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** The library picture an earlier import made from this source, if any. */
    Optional<MediaFile> known(String source) {
        return jdbc.sql("select media_id from import_picture where source = ?").param(source).query(Long.class).optional()
                .flatMap(library::find);
    }

    /**
     * @param address absolute address of the picture (already resolved against the archive's site)
     * @param media   the folder or zip that came with the import, or null
     */
    MediaFile bringIn(String address, SourceImage description, MediaSource media) throws PictureUnavailable {
        Optional<MediaFile> known = known(address);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] bytes = media == null ? null : media.find(address).orElse(null);
        if (bytes == null) {
            bytes = fetch(address);
        }
        String name = address.replaceAll("[?#].*$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        MediaFile file;
        try {
            file = description == null ? library.upload(bytes, name, null)
                    : library.upload(bytes, name, null, new MediaLibrary.Description(nullToEmpty(description.alt()),
                    plain(description.caption()), nullToEmpty(description.credit())), false);
        } catch (MediaException e) {
            throw new PictureUnavailable(e.getMessage());
        }
        jdbc.sql("insert into import_picture (source, media_id) values (?, ?) on conflict (source) do nothing")
                .params(address, file.id()).update();
        return file;
    }

    private byte[] fetch(String address) throws PictureUnavailable {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new PictureUnavailable("not a valid address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new PictureUnavailable("not in the media given with the import, and not an http(s) address");
        }
        requirePublic(uri.getHost());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("User-Agent", "Masthead importer").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new PictureUnavailable("HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw new PictureUnavailable("larger than the upload limit (" + declared + " bytes)");
                }
                return readAtMost(body);
            }
        } catch (IOException e) {
            throw new PictureUnavailable("could not be fetched: " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PictureUnavailable("interrupted");
        }
    }

    private byte[] readAtMost(InputStream body) throws IOException, PictureUnavailable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = body.read(buffer)) != -1; ) {
            out.write(buffer, 0, read);
            if (out.size() > maxBytes) {
                throw new PictureUnavailable("larger than the upload limit");
            }
        }
        return out.toByteArray();
    }

    /** An archive must not make the server fetch from itself or its private network (SSRF). */
    private void requirePublic(String host) throws PictureUnavailable {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (allowPrivateAddresses) {
                return;
            }
            for (InetAddress address : addresses) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    throw new PictureUnavailable("on a private or local network address, which imports may not fetch");
                }
            }
        } catch (UnknownHostException e) {
            throw new PictureUnavailable("unknown host " + host);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Captions may carry links in the archive; the library keeps plain text. */
    private static String plain(String html) {
        return html == null ? "" : org.jsoup.Jsoup.parse(html).text();
    }
}
