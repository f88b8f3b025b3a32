package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.content.ArticleContent;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.media.MediaLibrary;
import org.masthead.media.UploadTestsSupport;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The editor's form and background requests, over HTTP as the browser sends them. */
@EmptySiteTest
class EditorFormTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired MediaLibrary media;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Staff staff;

    @BeforeEach
    void staff() {
        staff = Staff.create(sections, authors, accounts);
    }

    private NewsroomClient as(org.masthead.identity.StaffMember member) {
        return NewsroomClient.signedIn(port, member.email(), Staff.PASSWORD);
    }

    /** Every block type, with a library picture. */
    private String everyBlock(long mediaId) {
        return """
                {"type":"doc","version":1,"content":[
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"What was said"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"Talks "},{"type":"text","text":"resumed","marks":[{"type":"strong"}]},
                   {"type":"text","text":" in Geneva"},{"type":"footnote","content":[{"type":"text","text":"The ministry said so."}]},{"type":"text","text":"."}]},
                 {"type":"quote","content":[{"type":"paragraph","content":[{"type":"text","text":"We are ready."}]},
                   {"type":"attribution","content":[{"type":"text","text":"Dmytro Lytvyn, told reporters"}]}]},
                 {"type":"pullquote","attrs":{"attribution":"A diplomat"},"content":[{"type":"text","text":"Peace is a process."}]},
                 {"type":"image","attrs":{"mediaId":%d,"src":"/media/x.jpg","alt":"Cranes","caption":"The harbour.","credit":"Photo: Ana","size":"wide"}},
                 {"type":"embed","attrs":{"url":"https://www.youtube.com/watch?v=aqz-KE-bpKQ","provider":"youtube","title":""}},
                 {"type":"table","content":[
                   {"type":"table_row","content":[{"type":"table_header","attrs":{"colspan":1,"rowspan":1},"content":[{"type":"paragraph","content":[{"type":"text","text":"Party"}]}]}]},
                   {"type":"table_row","content":[{"type":"table_cell","attrs":{"colspan":1,"rowspan":1},"content":[{"type":"paragraph","content":[{"type":"text","text":"Servant"}]}]}]}]},
                 {"type":"divider"},
                 {"type":"callout","attrs":{"title":"Fact box"},"content":[{"type":"bullet_list","content":[
                   {"type":"list_item","content":[{"type":"paragraph","content":[{"type":"text","text":"Istanbul"}]}]}]}]}
                ]}""".formatted(mediaId);
    }

    /** The editor page's form fields as a browser without JavaScript would send them, with one button pressed. */
    private static List<Map.Entry<String, String>> formOf(Document page, String action) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element field : page.select("form#editor [name], [form=editor][name]")) {
            String name = field.attr("name");
            if (name.equals("_csrf") || field.attr("type").equals("file") || field.tagName().equals("button")) {
                continue;
            }
            if (field.tagName().equals("select")) {
                Element chosen = field.selectFirst("option[selected]");
                fields.add(Map.entry(name, chosen == null ? "" : chosen.val()));
            } else if (!field.attr("type").equals("checkbox")) {
                fields.add(Map.entry(name, field.val()));
            }
        }
        fields.add(Map.entry("action", action));
        return fields;
    }

    private String storedDocument(long id) {
        return publishing.view(Stories.SYSTEM, id).content().bodySource();
    }

    /**
     * The same blocks. A library picture's address and size are the library's (the server fills them in from
     * it); what the writer gave it — alt text, caption, credit, size on the page — must be the same.
     */
    private static boolean sameDocument(String a, String b) {
        return withoutLibraryDetails(JSON.readTree(a)).equals(withoutLibraryDetails(JSON.readTree(b)));
    }

    private static tools.jackson.databind.JsonNode withoutLibraryDetails(tools.jackson.databind.JsonNode node) {
        if (node.isObject() && "image".equals(node.path("type").asString("")) && node.path("attrs").has("mediaId")) {
            ((tools.jackson.databind.node.ObjectNode) node.path("attrs")).remove(List.of("src", "width", "height"));
        }
        node.forEach(EditorFormTests::withoutLibraryDetails);
        return node;
    }

    @Test
    void anArticleEditedWithoutJavaScriptKeepsEveryBlock() {
        long picture = media.upload(UploadTestsSupport.jpeg(1200, 800), "harbour.jpg", null).id();
        EditableArticle article = new Stories(publishing).publish(new ArticleContent("Every block " + staff.section().slug(),
                null, null, staff.section().id(), List.of(staff.byline().id()), List.of(), everyBlock(picture),
                BodyFormat.BLOCKS, null, "en"), Instant.now());
        String before = storedDocument(article.id());
        NewsroomClient editor = as(staff.editor());

        Document page = Jsoup.parse(editor.get("/admin/articles/" + article.id()).body());
        String markdown = page.selectFirst("textarea#bodyMarkdown").val();
        assertThat(markdown).contains("## What was said", "**resumed**", "> We are ready.", "> — Dmytro Lytvyn, told reporters",
                "<figure class=\"figure figure--wide\" data-media-id=\"" + picture + "\"", "<table>", "<aside class=\"callout\">");

        List<Map.Entry<String, String>> form = formOf(page, "save");
        form.removeIf(field -> field.getKey().equals("bodyDocument")); // a browser without JavaScript sends the textarea
        HttpResponse<String> saved = editor.post("/admin/articles/" + article.id(), form);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(sameDocument(storedDocument(article.id()), before)).as(storedDocument(article.id())).isTrue();
    }

    @Test
    void rawHtmlBlocksAreAnEditorsToAddAndEveryoneMayKeepThem() {
        String withRawHtml = """
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Intro."}]},
                 {"type":"raw_html","attrs":{"html":"<dl><dt>Term</dt><dd>Meaning</dd></dl>"}}]}""";
        EditableArticle draft = publishing.create(Staff.actor(staff.reporter()), new Publishing.Create(
                org.masthead.content.ArticleKind.ARTICLE, new ArticleContent("Raw " + staff.section().slug(), null, null,
                staff.section().id(), List.of(staff.byline().id()), List.of(), "{\"type\":\"doc\",\"content\":[]}",
                BodyFormat.BLOCKS, null, "en"), "", Publishing.Then.KEEP));
        NewsroomClient reporter = as(staff.reporter());
        List<Map.Entry<String, String>> form = formOf(Jsoup.parse(reporter.get("/admin/articles/" + draft.id()).body()), "save");
        form.removeIf(field -> field.getKey().equals("bodyDocument") || field.getKey().equals("bodyFormat"));
        form.add(Map.entry("bodyFormat", "blocks"));
        form.add(Map.entry("bodyDocument", withRawHtml));

        assertThat(reporter.post("/admin/articles/" + draft.id(), form).statusCode()).isEqualTo(403);
        assertThat(storedDocument(draft.id())).doesNotContain("raw_html");

        NewsroomClient editor = as(staff.editor());
        assertThat(editor.post("/admin/articles/" + draft.id(), form).statusCode()).isEqualTo(302);
        assertThat(storedDocument(draft.id())).contains("raw_html", "<dl>");

        // the reporter edits the paragraph and keeps the editor's block
        List<Map.Entry<String, String>> edited = formOf(Jsoup.parse(reporter.get("/admin/articles/" + draft.id()).body()), "save");
        edited.replaceAll(field -> field.getKey().equals("bodyDocument")
                ? Map.entry("bodyDocument", field.getValue().replace("Intro.", "Introduction.")) : field);
        edited.replaceAll(field -> field.getKey().equals("bodyFormat") ? Map.entry("bodyFormat", "blocks") : field);
        assertThat(reporter.post("/admin/articles/" + draft.id(), edited).statusCode()).isEqualTo(302);
        assertThat(storedDocument(draft.id())).contains("Introduction.", "<dl>");
    }

    @Test
    void theFirstAutosaveCreatesAnUntitledDraftThatKeepsItsAddress() {
        NewsroomClient reporter = as(staff.reporter());
        reporter.loadCsrfFrom("/admin/articles/new");
        HttpResponse<String> created = reporter.post("/admin/articles/autosave", List.of(Map.entry("kind", "article"),
                Map.entry("bodyFormat", "blocks"), Map.entry("bodyDocument",
                        "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"First words\"}]}]}")));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var json = JSON.readTree(created.body());
        long id = json.path("id").asLong();
        assertThat(json.path("editUrl").asString()).isEqualTo("/admin/articles/" + id);
        EditableArticle draft = publishing.view(Stories.SYSTEM, id);
        assertThat(draft.slug()).matches("untitled-[0-9a-f]{8}");
        assertThat(draft.body().text()).isEqualTo("First words");
        assertThat(Jsoup.parse(reporter.get("/admin/articles").body()).select("a[href='/admin/articles/" + id + "']").text())
                .isEqualTo("Untitled draft");

        HttpResponse<String> again = reporter.post("/admin/articles/" + id + "/autosave", List.of(Map.entry("kind", "article"),
                Map.entry("version", json.path("version").asString()), Map.entry("bodyFormat", "blocks"),
                Map.entry("bodyDocument", "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"First words, more\"}]}]}")));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(publishing.view(Stories.SYSTEM, id).slug()).isEqualTo(draft.slug());
    }

    @Test
    void anEditorUploadIsKeptOnlyOnceAnArticleUsesItAndItsWordsFillTheLibrary() {
        NewsroomClient reporter = as(staff.reporter());
        reporter.loadCsrfFrom("/admin/articles/new");
        HttpResponse<String> uploaded = reporter.postMultipart("/admin/articles/uploads", List.of(), "file", "quay.jpg",
                "image/jpeg", UploadTestsSupport.jpeg(900, 600));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long id = JSON.readTree(uploaded.body()).path("id").asLong();
        assertThat(jdbc.sql("select claimed from media where id = ?").param(id).query(Boolean.class).single()).isFalse();
        assertThat(reporter.get("/admin/articles/library.json").body()).doesNotContain("\"id\":" + id + ",");

        publishing.create(Staff.actor(staff.reporter()), new Publishing.Create(org.masthead.content.ArticleKind.ARTICLE,
                new ArticleContent("Quay " + staff.section().slug(), null, null, staff.section().id(), List.of(staff.byline().id()),
                        List.of(), """
                        {"type":"doc","content":[{"type":"image","attrs":{"mediaId":%d,"alt":"The quay at dawn","caption":"",
                         "credit":"Photo: Quay Agency"}}]}""".formatted(id), BodyFormat.BLOCKS, null, "en"), "", Publishing.Then.KEEP));

        assertThat(jdbc.sql("select claimed from media where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(media.find(id).orElseThrow().alt()).isEqualTo("The quay at dawn");
        assertThat(media.find(id).orElseThrow().credit()).isEqualTo("Photo: Quay Agency");
        assertThat(reporter.get("/admin/articles/library.json?q=quay+dawn").body()).contains("\"id\":" + id + ",");

        HttpResponse<String> notAnImage = reporter.postMultipart("/admin/articles/uploads", List.of(), "file", "notes.txt",
                "text/plain", "not a picture".getBytes());
        assertThat(notAnImage.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(notAnImage.body()).path("message").asString()).isNotBlank();
    }

    @Test
    void onlyAddressesFromListedProvidersCanBeEmbedded() {
        NewsroomClient reporter = as(staff.reporter());
        HttpResponse<String> youtube = reporter.get("/admin/articles/embeds?url=https%3A%2F%2Fyoutu.be%2FdQw4w9WgXcQ");
        assertThat(youtube.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(youtube.body()).path("provider").asString()).isEqualTo("youtube");
        HttpResponse<String> elsewhere = reporter.get("/admin/articles/embeds?url=https%3A%2F%2Fevil.example%2Fplayer");
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(elsewhere.body()).path("message").asString()).contains("YouTube", "Flourish");
    }

    @Test
    void searchAndSocialFieldsShapeTheReaderPagesHead() {
        long social = media.upload(UploadTestsSupport.jpeg(1200, 630), "card.jpg", null).id();
        NewsroomClient editor = as(staff.editor());
        Document page = Jsoup.parse(editor.get("/admin/articles/new").body());
        List<Map.Entry<String, String>> form = formOf(page, "publish");
        form.replaceAll(field -> switch (field.getKey()) {
            case "headline" -> Map.entry("headline", "The long headline of the story " + staff.section().slug());
            case "sectionId" -> Map.entry("sectionId", String.valueOf(staff.section().id()));
            case "metaTitle" -> Map.entry("metaTitle", "Short search title");
            case "metaDescription" -> Map.entry("metaDescription", "What searchers read.");
            case "ogTitle" -> Map.entry("ogTitle", "Share this story");
            case "ogDescription" -> Map.entry("ogDescription", "What friends read.");
            case "ogImageId" -> Map.entry("ogImageId", String.valueOf(social));
            case "twitterTitle" -> Map.entry("twitterTitle", "Posted on X");
            case "bodyMarkdown" -> Map.entry("bodyMarkdown", "Body text.");
            default -> field;
        });
        form.removeIf(field -> field.getKey().equals("authorIds"));
        form.add(Map.entry("authorIds", String.valueOf(staff.byline().id())));
        form.removeIf(field -> field.getKey().equals("bodyDocument"));
        HttpResponse<String> published = editor.post("/admin/articles", form);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);

        Document article = new ReaderClient(port).page("/articles/the-long-headline-of-the-story-" + staff.section().slug());
        assertThat(article.title()).startsWith("Short search title");
        assertThat(article.selectFirst("h1").text()).isEqualTo("The long headline of the story " + staff.section().slug());
        assertThat(article.selectFirst("meta[name=description]").attr("content")).isEqualTo("What searchers read.");
        assertThat(article.select("meta[property=og:title]")).hasSize(1);
        assertThat(article.selectFirst("meta[property=og:title]").attr("content")).isEqualTo("Share this story");
        assertThat(article.selectFirst("meta[property=og:description]").attr("content")).isEqualTo("What friends read.");
        assertThat(article.selectFirst("meta[property=og:image]").attr("content")).contains(media.find(social).orElseThrow().fileName());
        assertThat(article.selectFirst("meta[name=twitter:title]").attr("content")).isEqualTo("Posted on X");
        assertThat(article.selectFirst("meta[name=twitter:description]").attr("content")).isEqualTo("What friends read.");
    }

    @Test
    void featuredAndACanonicalAddressAreKeptThroughTheEditor() {
        NewsroomClient editor = as(staff.editor());
        List<Map.Entry<String, String>> form = formOf(Jsoup.parse(editor.get("/admin/articles/new").body()), "publish");
        String headline = "Republished from the origin " + staff.section().slug();
        form.replaceAll(field -> switch (field.getKey()) {
            case "headline" -> Map.entry("headline", headline);
            case "sectionId" -> Map.entry("sectionId", String.valueOf(staff.section().id()));
            case "canonicalUrl" -> Map.entry("canonicalUrl", "javascript:alert(1)");
            case "bodyMarkdown" -> Map.entry("bodyMarkdown", "Body text.");
            default -> field;
        });
        form.removeIf(field -> field.getKey().equals("authorIds") || field.getKey().equals("bodyDocument"));
        form.add(Map.entry("authorIds", String.valueOf(staff.byline().id())));
        form.add(Map.entry("featured", "true"));
        HttpResponse<String> refused = editor.post("/admin/articles", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#canonicalUrl-error").text()).contains("https://");

        form.replaceAll(field -> field.getKey().equals("canonicalUrl")
                ? Map.entry("canonicalUrl", "https://origin.example/story") : field);
        HttpResponse<String> published = editor.post("/admin/articles", form);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        String editorPath = published.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");

        Document article = new ReaderClient(port).page("/articles/" + org.masthead.text.Slugs.slugify(headline));
        assertThat(article.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://origin.example/story");
        Document reopened = Jsoup.parse(editor.get(editorPath).body());
        assertThat(reopened.selectFirst("input[name=featured]").hasAttr("checked")).isTrue();
        assertThat(reopened.selectFirst("#canonicalUrl").val()).isEqualTo("https://origin.example/story");
        long id = Long.parseLong(editorPath.replaceAll("\\D+", ""));
        assertThat(publishing.view(Stories.SYSTEM, id).content().featured()).isTrue();
    }
}
