package org.masthead.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small WordPress exports for tests: a site of its own each time, so keys, slugs and old addresses never meet. */
public final class ImportArchives {

    private ImportArchives() {
    }

    /** @param posts published posts, titled "Story n <unique>" */
    public static String wordpress(String unique, int posts) {
        StringBuilder items = new StringBuilder();
        for (int n = 1; n <= posts; n++) {
            items.append("""
                    <item><title>Story {n} {site}</title><link>https://{site}.example/2024/03/01/story-{n}-{site}/</link>
                    <dc:creator>desk</dc:creator>
                    <content:encoded><![CDATA[<!-- wp:paragraph --><p>Paragraph of story {n}.</p><!-- /wp:paragraph -->]]></content:encoded>
                    <wp:post_id>{n}</wp:post_id><wp:post_date_gmt>{date}</wp:post_date_gmt>
                    <wp:post_name>story-{n}-{site}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                    <category domain="category" nicename="news-{site}"><![CDATA[News {site}]]></category></item>
                    """.replace("{n}", String.valueOf(n)).replace("{date}", java.time.LocalDateTime.of(2024, 3, 1, 9, 0)
                            .plusMinutes(n).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))));
        }
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                  xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Site UNIQUE</title><link>https://UNIQUE.example</link>
                <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://UNIQUE.example</wp:base_site_url>
                <wp:base_blog_url>https://UNIQUE.example</wp:base_blog_url>
                <wp:author><wp:author_login>desk</wp:author_login><wp:author_display_name>Desk UNIQUE</wp:author_display_name></wp:author>
                """ + items + "</channel></rss>\n").replace("UNIQUE", unique).replace("{site}", unique);
    }

    public static Path write(Path folder, String unique, int posts) {
        try {
            Path file = folder.resolve("wordpress-" + unique + ".xml");
            Files.writeString(file, wordpress(unique, posts), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
