package org.masthead.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.identity.StaffAccounts;
import org.masthead.media.UploadTestsSupport;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.masthead.system.SiteSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.json.JsonMapper;

/** A control character typed into any staff-set field never reaches XML: every feed and sitemap stays valid. */
@EmptySiteTest
class ControlCharacterTests {

    static final String CONTROL = "\u0001\u0008\u000B\u001F\u007F";

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired SiteSettings settings;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    SiteSettings.Editable before;

    @AfterEach
    void restoreSettings() {
        if (before != null) {
            settings.save(before);
        }
    }

    @Test
    void controlCharactersInEveryStaffSetFieldLeaveFeedsAndSitemapsValid() throws Exception {
        before = settings.editable();
        Staff staff = Staff.create(sections, authors, accounts);
        NewsroomClient admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        String unique = staff.section().slug();

        assertThat(admin.post("/admin/settings", Map.of("name", "Site" + CONTROL, "tagline", "Tag" + CONTROL + "line",
                "language", "en", "publicationName", "Pub" + CONTROL)).statusCode()).isEqualTo(302);
        assertThat(admin.post("/admin/sections", Map.of("name", "Ctl" + CONTROL + " desk " + unique,
                "description", "Desc" + CONTROL, "position", "40")).statusCode()).isEqualTo(302);
        Section section = sections.all().stream().filter(candidate -> candidate.name().contains(unique)).findFirst().orElseThrow();
        assertThat(admin.post("/admin/sections/" + section.id(), Map.of("name", "Ctl" + CONTROL + " desk " + unique,
                "description", "Desc" + CONTROL + " again", "position", "40")).statusCode()).isEqualTo(302);
        assertThat(admin.post("/admin/authors/" + staff.byline().id(), Map.of("name", "Byline" + CONTROL + " " + unique,
                "jobTitle", "Job" + CONTROL, "bio", "Bio" + CONTROL, "links", "")).statusCode()).isEqualTo(302);
        assertThat(admin.postMultipart("/admin/media", List.of(Map.entry("alt", "Alt" + CONTROL),
                Map.entry("caption", "Cap" + CONTROL), Map.entry("credit", "Cred" + CONTROL)), "file", "ctl.jpg", "image/jpeg",
                UploadTestsSupport.jpeg(411, 233)).statusCode()).isEqualTo(302);
        long mediaId = jdbc.sql("select id from media order by id desc limit 1").query(Long.class).single();
        assertThat(admin.post("/admin/media/" + mediaId, Map.of("alt", "Alt" + CONTROL, "caption", "Cap" + CONTROL,
                "credit", "Cred" + CONTROL)).statusCode()).isEqualTo(302);
        assertThat(admin.post("/admin/staff/" + staff.reporter().id(), Map.of("role", "REPORTER", "enabled", "true",
                "password", "", "displayName", "Rep" + CONTROL)).statusCode()).isLessThan(500);
        assertThat(admin.post("/admin/staff", Map.of("email", "ctl-" + unique + "@test", "displayName", "Ctl" + CONTROL + " member",
                "password", Staff.PASSWORD, "role", "CONTRIBUTOR")).statusCode()).isEqualTo(302);

        List<Map.Entry<String, String>> article = new ArrayList<>(List.of(Map.entry("headline", "Head" + CONTROL + "line " + unique),
                Map.entry("standfirst", "Stand" + CONTROL + "first"), Map.entry("sectionId", String.valueOf(section.id())),
                Map.entry("authorIds", String.valueOf(staff.byline().id())), Map.entry("tags", "Tag" + CONTROL + unique),
                Map.entry("guestByline", "Guest" + CONTROL + " " + unique),
                Map.entry("bodyMarkdown", "Body" + CONTROL + " text."), Map.entry("leadImageId", String.valueOf(mediaId)),
                Map.entry("leadImageAlt", "Alt" + CONTROL), Map.entry("leadImageCaption", "Cap" + CONTROL),
                Map.entry("leadImageCredit", "Cred" + CONTROL), Map.entry("action", "publish")));
        HttpResponse<String> published = admin.post("/admin/articles", article);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        long id = Long.parseLong(published.headers().firstValue("Location").orElseThrow().replaceAll(".*/admin/articles/(\\d+).*", "$1"));
        assertThat(admin.post("/admin/articles/" + id + "/corrections", Map.of("kind", "CORRECTION",
                "text", "Fixed" + CONTROL)).statusCode()).isEqualTo(302);

        Author author = authors.findById(staff.byline().id()).orElseThrow();
        String tagSlug = org.masthead.text.Slugs.slugify("Tag" + unique);
        ReaderClient reader = new ReaderClient(port);
        List<String> xml = new ArrayList<>(List.of("/sitemap.xml", "/sitemaps/sections.xml", "/sitemaps/authors.xml",
                "/sitemaps/news.xml"));
        for (String family : List.of("/feed", section.url() + "/feed", author.url() + "/feed", "/tags/" + tagSlug + "/feed")) {
            xml.add(family + ".xml");
            xml.add(family + ".atom");
            HttpResponse<String> json = reader.get(family + ".json");
            assertThat(json.statusCode()).as(family + ".json").isEqualTo(200);
            assertThat(json.body()).doesNotContain("\\u0001");
            JsonMapper.builder().build().readTree(json.body());
        }
        org.w3c.dom.Document index = parse(reader, "/sitemap.xml");
        NodeList children = index.getElementsByTagName("loc");
        for (int i = 0; i < children.getLength(); i++) {
            xml.add(children.item(i).getTextContent().replaceFirst("^https?://[^/]+", ""));
        }
        for (String path : xml) {
            parse(reader, path);
        }
        assertThat(reader.get("/articles/" + jdbc.sql("select slug from article where id = ?").param(id).query(String.class).single())
                .statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select count(*) from (
                    select name || description as text from section union all
                    select name || job_title || bio from author union all
                    select name || tagline || publication_name from site_settings union all
                    select alt || caption || credit from media union all
                    select headline || coalesce(standfirst, '') || body_source || lead_image_alt || lead_image_caption
                        || lead_image_credit from article union all
                    select name from tag union all
                    select text from article_correction union all
                    select display_name from staff_user) all_text
                where text ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]'
                """).query(Long.class).single()).isZero();
    }

    private static org.w3c.dom.Document parse(ReaderClient reader, String path) throws Exception {
        HttpResponse<String> response = reader.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
    }
}
