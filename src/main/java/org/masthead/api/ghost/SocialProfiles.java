package org.masthead.api.ghost;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.masthead.content.Author;

/**
 * A profile's links in Ghost's author fields: the first link to each network becomes that network's handle
 * ({@code twitter: "@name"}, {@code facebook: "name"}, …) and the first other web link the {@code website}.
 */
final class SocialProfiles {

    static final List<String> NETWORKS = List.of("facebook", "twitter", "threads", "bluesky", "mastodon", "tiktok",
            "youtube", "instagram", "linkedin");

    private SocialProfiles() {
    }

    /** Every Ghost social field (null when the profile has no such link) and {@code website}. */
    static Map<String, String> of(List<Author.AuthorLink> links) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("website", null);
        NETWORKS.forEach(network -> fields.put(network, null));
        for (Author.AuthorLink link : links) {
            URI uri;
            try {
                uri = URI.create(link.url());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (uri.getHost() == null) {
                continue; // mailto: and the like are no web presence
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^(www\\.|m\\.)", "");
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
            String network = network(host, path);
            if (network == null) {
                if (fields.get("website") == null) {
                    fields.put("website", link.url());
                }
            } else if (fields.get(network) == null && !path.isEmpty()) {
                fields.put(network, handle(network, host, path));
            }
        }
        return fields;
    }

    private static String network(String host, String path) {
        return switch (host) {
            case "twitter.com", "x.com" -> "twitter";
            case "facebook.com", "fb.com" -> "facebook";
            case "threads.net", "threads.com" -> "threads";
            case "bsky.app" -> "bluesky";
            case "tiktok.com" -> "tiktok";
            case "youtube.com" -> "youtube";
            case "instagram.com" -> "instagram";
            case "linkedin.com" -> "linkedin";
            default -> path.startsWith("@") && !path.contains("/") ? "mastodon" : null;
        };
    }

    private static String handle(String network, String host, String path) {
        String first = path.split("/")[0];
        return switch (network) {
            case "twitter", "threads", "tiktok" -> "@" + first.replaceFirst("^@", "");
            case "bluesky" -> path.startsWith("profile/") ? path.substring("profile/".length()) : path;
            case "mastodon" -> host + "/" + first;
            default -> path;
        };
    }
}
