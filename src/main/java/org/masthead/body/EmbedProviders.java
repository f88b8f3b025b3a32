package org.masthead.body;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of what the body may embed: for each provider, the addresses writers paste and the player readers
 * load — only after they press "Load", never before. The sanitizer, the Content-Security-Policy's frame-src and
 * the editor's embed dialog all read this list.
 */
public final class EmbedProviders {

    private EmbedProviders() {
    }

    /** An embed a writer asked for: the provider, the address they pasted, and the player to load on request. */
    public record Embed(String provider, String providerName, String url, String playerUrl, String shape) {
    }

    /**
     * @param shape how the player is laid out: {@code video} (16:9), {@code square}, {@code post} (tall),
     *              {@code audio} (a short bar), {@code chart} (4:3)
     */
    record Provider(String id, String name, String playerHost, String shape, List<Pattern> patterns,
                    Function<Matcher, String> player, List<String> hosts) {
    }

    private static final List<Provider> PROVIDERS = List.of(
            new Provider("youtube", "YouTube", "www.youtube-nocookie.com", "video", List.of(
                    Pattern.compile("https?://(?:www\\.|m\\.)?youtube\\.com/watch\\?(?:[^#\\s]*&)?v=([A-Za-z0-9_-]{11})[^\\s]*"),
                    Pattern.compile("https?://youtu\\.be/([A-Za-z0-9_-]{11})(?:[?#][^\\s]*)?"),
                    Pattern.compile("https?://(?:www\\.)?youtube(?:-nocookie)?\\.com/(?:shorts|embed|live)/([A-Za-z0-9_-]{11})(?:[?#][^\\s]*)?")),
                    m -> "https://www.youtube-nocookie.com/embed/" + m.group(1), List.of("youtube.com", "youtu.be", "youtube-nocookie.com")),
            new Provider("vimeo", "Vimeo", "player.vimeo.com", "video", List.of(
                    Pattern.compile("https?://(?:www\\.)?vimeo\\.com/(\\d{1,12})(?:[/?#][^\\s]*)?"),
                    Pattern.compile("https?://player\\.vimeo\\.com/video/(\\d{1,12})(?:[?#][^\\s]*)?")),
                    m -> "https://player.vimeo.com/video/" + m.group(1) + "?dnt=1", List.of("vimeo.com")),
            new Provider("x", "X (Twitter)", "platform.twitter.com", "post", List.of(
                    Pattern.compile("https?://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/([A-Za-z0-9_]{1,15})/status/(\\d{1,20})(?:[/?#][^\\s]*)?")),
                    m -> "https://platform.twitter.com/embed/Tweet.html?id=" + m.group(2) + "&dnt=true", List.of("twitter.com", "x.com")),
            new Provider("telegram", "Telegram", "t.me", "post", List.of(
                    Pattern.compile("https?://t\\.me/([A-Za-z0-9_]{4,32})/(\\d{1,12})(?:[?#][^\\s]*)?")),
                    m -> "https://t.me/" + m.group(1) + "/" + m.group(2) + "?embed=1", List.of("t.me")),
            new Provider("instagram", "Instagram", "www.instagram.com", "post", List.of(
                    Pattern.compile("https?://(?:www\\.)?instagram\\.com/(p|reel|tv)/([A-Za-z0-9_-]{5,40})/?(?:[?#][^\\s]*)?")),
                    m -> "https://www.instagram.com/" + m.group(1) + "/" + m.group(2) + "/embed/", List.of("instagram.com")),
            new Provider("facebook", "Facebook", "www.facebook.com", "post", List.of(
                    Pattern.compile("https?://(?:www\\.)?facebook\\.com/[A-Za-z0-9.]{1,80}/(?:posts|videos)/[A-Za-z0-9._-]{1,80}/?"),
                    Pattern.compile("https?://(?:www\\.)?facebook\\.com/watch/?\\?v=\\d{1,20}")),
                    m -> "https://www.facebook.com/plugins/" + (m.group().contains("/videos/") || m.group().contains("watch") ? "video" : "post")
                            + ".php?href=" + URLEncoder.encode(m.group(), StandardCharsets.UTF_8), List.of("facebook.com")),
            new Provider("tiktok", "TikTok", "www.tiktok.com", "post", List.of(
                    Pattern.compile("https?://(?:www\\.)?tiktok\\.com/@[A-Za-z0-9_.]{1,40}/video/(\\d{1,25})(?:[?#][^\\s]*)?")),
                    m -> "https://www.tiktok.com/embed/v2/" + m.group(1), List.of("tiktok.com")),
            new Provider("soundcloud", "SoundCloud", "w.soundcloud.com", "audio", List.of(
                    Pattern.compile("https?://(?:www\\.)?soundcloud\\.com/[A-Za-z0-9_-]{1,80}/[A-Za-z0-9_-]{1,200}/?")),
                    m -> "https://w.soundcloud.com/player/?url=" + URLEncoder.encode(m.group(), StandardCharsets.UTF_8), List.of("soundcloud.com")),
            new Provider("spotify", "Spotify", "open.spotify.com", "audio", List.of(
                    Pattern.compile("https?://open\\.spotify\\.com/(track|album|playlist|episode|show)/([A-Za-z0-9]{10,40})(?:[?#][^\\s]*)?")),
                    m -> "https://open.spotify.com/embed/" + m.group(1) + "/" + m.group(2), List.of("open.spotify.com")),
            new Provider("datawrapper", "Datawrapper", "datawrapper.dwcdn.net", "chart", List.of(
                    Pattern.compile("https?://datawrapper\\.dwcdn\\.net/([A-Za-z0-9]{5})(?:/\\d{1,4})?/?"),
                    Pattern.compile("https?://www\\.datawrapper\\.de/_/([A-Za-z0-9]{5})/?")),
                    m -> "https://datawrapper.dwcdn.net/" + m.group(1) + "/", List.of("datawrapper.dwcdn.net", "datawrapper.de")),
            new Provider("flourish", "Flourish", "flo.uri.sh", "chart", List.of(
                    Pattern.compile("https?://public\\.flourish\\.studio/visualisation/(\\d{1,12})/?"),
                    Pattern.compile("https?://flo\\.uri\\.sh/visualisation/(\\d{1,12})(?:/embed)?/?")),
                    m -> "https://flo.uri.sh/visualisation/" + m.group(1) + "/embed", List.of("public.flourish.studio", "flo.uri.sh")));

    /** The provider and player for a pasted address, if it is one Masthead can embed. */
    public static Optional<Embed> match(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String candidate = url.strip();
        for (Provider provider : PROVIDERS) {
            for (Pattern pattern : provider.patterns()) {
                Matcher matcher = pattern.matcher(candidate);
                if (matcher.matches()) {
                    return Optional.of(new Embed(provider.id(), provider.name(), candidate, provider.player().apply(matcher),
                            provider.shape()));
                }
            }
        }
        return Optional.empty();
    }

    /** The hosts players are loaded from, for the Content-Security-Policy's frame-src. */
    public static List<String> playerOrigins() {
        return PROVIDERS.stream().map(provider -> "https://" + provider.playerHost()).distinct().toList();
    }

    /** Whether a player address belongs to a listed provider (what the sanitizer lets into the page). */
    public static boolean isPlayer(String playerUrl) {
        return playerUrl != null && PROVIDERS.stream().anyMatch(provider -> playerUrl.startsWith("https://" + provider.playerHost() + "/"));
    }

    /** The sites writers paste embeddable addresses from, for the editor to recognise a pasted one. */
    public static List<String> pastedHosts() {
        return PROVIDERS.stream().flatMap(provider -> provider.hosts().stream()).distinct().toList();
    }

    /** The providers writers can choose from, by name, for the editor's hint. */
    public static List<String> names() {
        return PROVIDERS.stream().map(Provider::name).toList();
    }
}
