import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a WordPress export (WXR 1.2) of made-up posts for the import benchmark: Gutenberg paragraphs and
 * headings, 20 authors, 12 categories, 200 tags, co-authors on every tenth post, a comment on every fifth.
 *
 *   java bench/WxrGenerator.java <posts> <file.xml> [paragraphs per post, default 6]
 *
 * With many paragraphs per post it makes the 2 GB file the memory check needs (e.g. 20000 posts × 800).
 */
public class WxrGenerator {

    private static final String[] WORDS = ("harbour council budget ferry union vote treaty market river school clinic "
            + "bridge festival museum station reporter minister mayor transport energy climate trade housing library "
            + "courts police water farmers tram election inquiry").split(" ");
    private static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static void main(String[] args) throws IOException {
        int posts = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        int paragraphs = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                      xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    <title>Benchmark Gazette</title><link>https://gazette.example</link><language>en-US</language>
                    <wp:wxr_version>1.2</wp:wxr_version>
                    <wp:base_site_url>https://gazette.example</wp:base_site_url>
                    <wp:base_blog_url>https://gazette.example</wp:base_blog_url>
                    """);
            for (int a = 1; a <= 20; a++) {
                out.write("<wp:author><wp:author_id>" + a + "</wp:author_id><wp:author_login><![CDATA[writer" + a
                        + "]]></wp:author_login><wp:author_email><![CDATA[writer" + a + "@gazette.example]]></wp:author_email>"
                        + "<wp:author_display_name><![CDATA[Writer Number " + a + "]]></wp:author_display_name></wp:author>\n");
            }
            for (int c = 1; c <= 12; c++) {
                out.write("<wp:category><wp:term_id>" + c + "</wp:term_id><wp:category_nicename><![CDATA[desk-" + c
                        + "]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Desk "
                        + c + "]]></wp:cat_name></wp:category>\n");
            }
            for (int t = 1; t <= 200; t++) {
                out.write("<wp:tag><wp:term_id>" + (100 + t) + "</wp:term_id><wp:tag_slug><![CDATA[topic-" + t
                        + "]]></wp:tag_slug><wp:tag_name><![CDATA[Topic " + t + "]]></wp:tag_name></wp:tag>\n");
            }
            LocalDateTime start = LocalDateTime.of(2010, 1, 1, 8, 0);
            for (int p = 1; p <= posts; p++) {
                LocalDateTime date = start.plusMinutes(p * 97L);
                String slug = "story-" + p + "-" + word(random) + "-" + word(random);
                int author = 1 + random.nextInt(20);
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < paragraphs; i++) {
                    if (i == 2) {
                        body.append("<!-- wp:heading --><h2 class=\"wp-block-heading\">The ").append(word(random))
                                .append(" question</h2><!-- /wp:heading -->\n");
                    }
                    body.append("<!-- wp:paragraph --><p>").append(sentence(random, 40)).append("</p><!-- /wp:paragraph -->\n");
                }
                out.write("<item><title><![CDATA[" + capitalized(sentence(random, 8)) + " " + p + "]]></title>"
                        + "<link>https://gazette.example/" + date.toLocalDate().toString().replace('-', '/') + "/" + slug + "/</link>"
                        + "<pubDate>x</pubDate><dc:creator><![CDATA[writer" + author + "]]></dc:creator>"
                        + "<guid isPermaLink=\"false\">https://gazette.example/?p=" + (1000 + p) + "</guid><description></description>"
                        + "<content:encoded><![CDATA[" + body + "]]></content:encoded>"
                        + "<excerpt:encoded><![CDATA[" + sentence(random, 20) + "]]></excerpt:encoded>"
                        + "<wp:post_id>" + (1000 + p) + "</wp:post_id>"
                        + "<wp:post_date><![CDATA[" + WP.format(date) + "]]></wp:post_date>"
                        + "<wp:post_date_gmt><![CDATA[" + WP.format(date) + "]]></wp:post_date_gmt>"
                        + "<wp:post_modified_gmt><![CDATA[" + WP.format(date.plusHours(2)) + "]]></wp:post_modified_gmt>"
                        + "<wp:comment_status><![CDATA[open]]></wp:comment_status>"
                        + "<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>"
                        + "<wp:status><![CDATA[" + (p % 50 == 0 ? "draft" : "publish") + "]]></wp:status>"
                        + "<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>"
                        + "<wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password>"
                        + "<wp:is_sticky>0</wp:is_sticky>"
                        + "<category domain=\"category\" nicename=\"desk-" + (1 + p % 12) + "\"><![CDATA[Desk " + (1 + p % 12) + "]]></category>");
                for (int t = 0; t < 3; t++) {
                    int tag = 1 + random.nextInt(200);
                    out.write("<category domain=\"post_tag\" nicename=\"topic-" + tag + "\"><![CDATA[Topic " + tag + "]]></category>");
                }
                if (p % 10 == 0) {
                    int other = 1 + (author % 20);
                    out.write("<category domain=\"author\" nicename=\"cap-writer" + author + "\"><![CDATA[Writer Number " + author
                            + "]]></category><category domain=\"author\" nicename=\"cap-writer" + other
                            + "\"><![CDATA[Writer Number " + other + "]]></category>");
                }
                if (p % 5 == 0) {
                    out.write("<wp:comment><wp:comment_id>" + p + "</wp:comment_id><wp:comment_author><![CDATA[Reader]]></wp:comment_author>"
                            + "<wp:comment_content><![CDATA[Thanks.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved></wp:comment>");
                }
                out.write("</item>\n");
            }
            out.write("</channel>\n</rss>\n");
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word(random));
        }
        return text.append('.').toString();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1, text.length() - 1);
    }
}
