package org.masthead.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP client for the newsroom: keeps cookies (the session), reads the CSRF token from the
 * pages and sends it with every form, follows no redirects so tests see them.
 */
public final class NewsroomClient {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String base;
    private String csrf;
    private final List<String> extraHeaders = new ArrayList<>();

    public NewsroomClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends this header with every later request (for example a claimed X-Forwarded-For). */
    public NewsroomClient withHeader(String name, String value) {
        extraHeaders.add(name);
        extraHeaders.add(value);
        return this;
    }

    public static NewsroomClient signedIn(int port, String email, String password) {
        NewsroomClient client = new NewsroomClient(port);
        HttpResponse<String> response = client.signIn(email, password);
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/admin")) {
            throw new AssertionError("Sign-in of " + email + " answered " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        client.refreshCsrf();
        return client;
    }

    public HttpResponse<String> signIn(String email, String password) {
        HttpResponse<String> form = get("/admin/login");
        csrf = tokenIn(form.body());
        return postForm("/admin/login", List.of(Map.entry("email", email), Map.entry("password", password)), true);
    }

    /** Reads the CSRF token from the form on {@code path}, for posting without signing in. */
    public void loadCsrfFrom(String path) {
        csrf = tokenIn(get(path).body());
    }

    public void refreshCsrf() {
        csrf = tokenIn(get("/admin").body());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return postForm(path, new ArrayList<>(fields.entrySet()), true);
    }

    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        return postForm(path, fields, true);
    }

    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
        return postForm(path, new ArrayList<>(fields.entrySet()), false);
    }

    public HttpResponse<String> postMultipart(String path, List<Map.Entry<String, String>> fields, String fileField,
                                              String fileName, String contentType, byte[] file) {
        String boundary = "----masthead" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf));
        for (Map.Entry<String, String> field : all) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public String csrfToken() {
        return csrf;
    }

    private HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields, boolean withCsrf) {
        StringBuilder form = new StringBuilder();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (withCsrf) {
            all.add(Map.entry("_csrf", csrf));
        }
        for (Map.Entry<String, String> field : all) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        for (int i = 0; i < extraHeaders.size(); i += 2) {
            request.header(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tokenIn(String html) {
        Element input = Jsoup.parse(html).selectFirst("input[name=_csrf]");
        return input == null ? null : input.attr("value");
    }
}
