// Measurements wrk cannot make, for bench/run.sh. Run with the JDK alone: java bench/LoadProbe.java MODE ...
//   search  BASE_URL ROUNDS QUERY...             client-side latency p50/p95 per query
//   related BASE_URL ARTICLES                    server-side related-articles query time (cold cache)
//   fanout  BASE_URL STREAMS EMAIL PASSWORD PID  publish once, time its delivery to STREAMS open SSE streams
//   liveentries BASE_URL ARTICLE_ID EMAIL PASSWORD COUNT  post COUNT entries to a live blog through the live desk
//   livefanout BASE_URL STREAMS SLUG ARTICLE_ID EMAIL PASSWORD PID  one entry timed to STREAMS open live-blog streams
// Only ever pointed at 127.0.0.1.
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class LoadProbe {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "search" -> search(args[1], Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
            case "related" -> related(args[1], Integer.parseInt(args[2]));
            case "fanout" -> fanout(args[1], Integer.parseInt(args[2]), args[3], args[4], Long.parseLong(args[5]));
            case "token" -> System.out.println(adminToken(args[1], args[2]));
            case "cookie" -> System.out.println(sessionCookie(args[1], args[2], args[3]));
            case "liveentries" -> liveEntries(args[1], Long.parseLong(args[2]), args[3], args[4], Integer.parseInt(args[5]));
            case "livefanout" -> liveFanout(args[1], Integer.parseInt(args[2]), args[3], Long.parseLong(args[4]), args[5],
                    args[6], Long.parseLong(args[7]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static void search(String base, int rounds, List<String> queries) throws Exception {
        for (String query : queries) {
            // "?q=…&section=…" is sent as it is (a search with filters); anything else is the words searched for
            String url = base + "/search" + (query.startsWith("?") ? query : "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            for (int i = 0; i < 10; i++) {
                get(url);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                get(url);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            System.out.printf("| %s | %.1f | %.1f | %.1f |%n", query.replace("|", "\\|"), percentile(millis, 50),
                    percentile(millis, 95), percentile(millis, 99));
        }
    }

    static void related(String base, int articles) throws Exception {
        Set<String> urls = new LinkedHashSet<>();
        String page = "/news-feed";
        Pattern link = Pattern.compile("<li class=\"feed-item\"[^>]*>\\s*<time[^>]*>.*?</time>\\s*<a href=\"([^\"]+)\"", Pattern.DOTALL);
        Pattern more = Pattern.compile("class=\"show-more\"[^>]*href=\"([^\"]+)\"");
        while (page != null && urls.size() < articles) {
            String html = get(base + page);
            Matcher item = link.matcher(html);
            while (item.find()) {
                urls.add(item.group(1));
            }
            Matcher next = more.matcher(html);
            page = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        for (String url : urls) {
            get(base + url);
        }
        String p50 = get(base + "/actuator/metrics/masthead.related.percentile?tag=phi:0.5");
        String p95 = get(base + "/actuator/metrics/masthead.related.percentile?tag=phi:0.95");
        String count = get(base + "/actuator/metrics/masthead.related");
        System.out.printf("related articles over %d article pages: p50 %.1f ms, p95 %.1f ms (%s queries)%n", urls.size(),
                value(p50) * 1000, value(p95) * 1000, measurement(count, "COUNT"));
    }

    static double value(String metricJson) {
        Matcher matcher = Pattern.compile("\"value\":([0-9.eE+-]+)").matcher(metricJson);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    static String measurement(String metricJson, String statistic) {
        Matcher matcher = Pattern.compile("\"statistic\":\"" + statistic + "\",\"value\":([0-9.eE+-]+)").matcher(metricJson);
        return matcher.find() ? matcher.group(1) : "?";
    }

    /**
     * Opens {@code streams} SSE streams at {@code streamPath}, waits for each one's "ready", runs {@code trigger}
     * (a publish, a new entry) and times, on every stream, the arrival of the data carrying {@code marker}.
     */
    static void timedFanout(String base, String streamPath, int streams, String marker, long pid, String what,
                            java.util.concurrent.Callable<Void> trigger) throws Exception {
        long before = rssKb(pid);
        ConcurrentLinkedQueue<Long> received = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(streams);
        CountDownLatch delivered = new CountDownLatch(streams);
        List<Stream<String>> open = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + streamPath)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream " + i + " answered " + response.statusCode());
            }
            open.add(response.body());
            Thread reader = new Thread(() -> {
                try {
                    for (String line : (Iterable<String>) response.body()::iterator) {
                        if (line.startsWith("event:ready")) {
                            ready.countDown();
                        } else if (line.startsWith("data:") && line.contains(marker)) {
                            received.add(System.nanoTime());
                            delivered.countDown();
                        }
                    }
                } catch (RuntimeException closed) {
                    // probe finished
                }
            });
            reader.setDaemon(true);
            reader.start();
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("streams not ready");
        }
        long withStreams = rssKb(pid);
        long start = System.nanoTime();
        trigger.call();
        delivered.await(30, TimeUnit.SECONDS);
        List<Double> millis = new ArrayList<>();
        for (long at : received) {
            millis.add((at - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%s: %d of %d streams got it; arrival after the request p50 %.0f ms, p99 %.0f ms, max %.0f ms; JVM resident memory %d MB before, %d MB with the streams open (+%d MB)%n",
                what, millis.size(), streams, percentile(millis, 50), percentile(millis, 99),
                millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1), before / 1024, withStreams / 1024,
                (withStreams - before) / 1024);
        open.forEach(Stream::close);
    }

    static void fanout(String base, int streams, String email, String password, long pid) throws Exception {
        String headline = "Fan-out probe " + System.currentTimeMillis();
        Session newsroom = signIn(base, email, password, "/admin/articles/new");
        String form = newsroom.client().send(HttpRequest.newBuilder(URI.create(base + "/admin/articles/new")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = csrf(form);
        Matcher section = Pattern.compile("<option value=\"(\\d+)\"").matcher(form.substring(form.indexOf("id=\"sectionId\"")));
        section.find();
        Matcher author = Pattern.compile("<option value=\"(\\d+)\"").matcher(form.substring(form.indexOf("name=\"authorIds\"")));
        author.find();
        timedFanout(base, "/news-feed/stream", streams, headline, pid, "SSE fan-out of a publish", () -> {
            HttpResponse<String> publish = post(newsroom.client(), base + "/admin/articles", "headline=" + enc(headline)
                    + "&sectionId=" + section.group(1) + "&authorIds=" + author.group(1) + "&bodyMarkdown=" + enc("Fan-out probe.")
                    + "&action=publish&_csrf=" + enc(token));
            if (publish.statusCode() != 302) {
                throw new IllegalStateException("publish answered " + publish.statusCode());
            }
            return null;
        });
    }

    /** Signs in to the newsroom and prints the session's Cookie header, for wrk. */
    static String sessionCookie(String base, String email, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient session = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(session.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        post(session, base + "/admin/login", "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token));
        return cookies.getCookieStore().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Signs in to the newsroom and answers the session and a CSRF token from {@code page}. */
    record Session(HttpClient client, String csrf) {
    }

    static Session signIn(String base, String email, String password, String page) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient session = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(session.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        post(session, base + "/admin/login", "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token));
        return new Session(session, csrf(session.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                HttpResponse.BodyHandlers.ofString()).body()));
    }

    /** Posts {@code count} entries to a live blog through the live desk, as a reporter would. */
    static void liveEntries(String base, long articleId, String email, String password, int count) throws Exception {
        Session desk = signIn(base, email, password, "/admin/live/" + articleId);
        for (int i = 0; i < count; i++) {
            HttpResponse<String> posted = post(desk.client(), base + "/admin/live/" + articleId + "/entries",
                    "title=" + enc(i % 25 == 0 ? "Key moment " + i : "") + "&body=" + enc("Update " + i + ": the talks go on, "
                    + "with **delegations** meeting in small groups and a statement expected later.") + (i % 25 == 0 ? "&keyEvent=true" : "")
                    + "&_csrf=" + enc(desk.csrf()));
            if (posted.statusCode() != 302) {
                throw new IllegalStateException("entry " + i + " answered " + posted.statusCode());
            }
        }
        System.out.println("Posted " + count + " entries");
    }

    /** Opens {@code streams} streams of a live blog, posts one entry and times its arrival on every stream. */
    static void liveFanout(String base, int streams, String slug, long articleId, String email, String password, long pid)
            throws Exception {
        String marker = "Fan-out probe " + System.currentTimeMillis();
        Session desk = signIn(base, email, password, "/admin/live/" + articleId);
        timedFanout(base, "/articles/" + slug + "/live", streams, marker, pid, "Live blog fan-out of an entry", () -> {
            HttpResponse<String> posted = post(desk.client(), base + "/admin/live/" + articleId + "/entries",
                    "body=" + enc(marker) + "&_csrf=" + enc(desk.csrf()));
            if (posted.statusCode() != 302) {
                throw new IllegalStateException("the entry answered " + posted.statusCode());
            }
            return null;
        });
    }

    static HttpResponse<String> post(HttpClient client, String url, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token");
        }
        return matcher.group(1);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** A Ghost Admin API token (HS256, kid, aud /admin/, five minutes), as bench/api.sh sends with wrk. */
    static String adminToken(String keyId, String secretHex) throws Exception {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String unsigned = base64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + base64.encodeToString(("{\"iat\":" + now
                + ",\"exp\":" + (now + 300) + ",\"aud\":\"/admin/\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.HexFormat.of().parseHex(secretHex), "HmacSHA256"));
        return unsigned + "." + base64.encodeToString(mac.doFinal(unsigned.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
