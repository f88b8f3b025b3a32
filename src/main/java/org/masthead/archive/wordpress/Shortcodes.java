package org.masthead.archive.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The core shortcodes whose output is content: {@code [caption]} (a captioned picture), {@code [gallery]},
 * {@code [embed]}, {@code [audio]} and {@code [video]}; plus WordPress's oEmbed of an address alone on its line.
 * Shortcodes of plugins are left as written: their meaning is unknown here, and an editor can see them.
 */
final class Shortcodes {

    /** WordPress's get_shortcode_regex() for these names; group 1 and 6 are the brackets of an escaped [[code]]. */
    private static final Pattern SHORTCODE = Pattern.compile(
            "\\[(\\[?)(caption|wp_caption|gallery|embed|audio|video|playlist)(?![\\w-])([^\\]/]*(?:/(?!\\])[^\\]/]*)*?)"
                    + "(?:(/)\\]|\\](?:([^\\[]*+(?:\\[(?!/\\2\\])[^\\[]*+)*+)\\[/\\2\\])?)(\\]?)");
    /** WordPress's shortcode_parse_atts(): name="value", name='value', name=value, and positional values. */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([\\w-]+)\\s*=\\s*\"([^\"]*)\"(?:\\s|$)|([\\w-]+)\\s*=\\s*'([^']*)'(?:\\s|$)|([\\w-]+)\\s*=\\s*([^\\s'\"]+)(?:\\s|$)"
                    + "|\"([^\"]*)\"(?:\\s|$)|'([^']*)'(?:\\s|$)|(\\S+)(?:\\s|$)");
    private static final Pattern LINKED_IMAGE = Pattern.compile("(?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?",
            Pattern.CASE_INSENSITIVE);
    /** WordPress's autoembed: an address alone on its line (not inside a tag). */
    private static final Pattern URL_LINE = Pattern.compile("(?m)^(\\s*)(https?://[^\\s<>\"]+)(\\s*)$");
    private static final List<String> AUDIO_SOURCES = List.of("src", "mp3", "m4a", "ogg", "wav", "wma", "flac");
    private static final List<String> VIDEO_SOURCES = List.of("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov");

    private Shortcodes() {
    }

    static String expand(String content, ConversionContext context) {
        return Autop.replaceAll(SHORTCODE, content, match -> {
            if (!match.group(1).isEmpty() && !match.group(6).isEmpty()) {
                return match.group().substring(1, match.group().length() - 1); // [[gallery]] is the text "[gallery]"
            }
            String name = match.group(2);
            Map<String, String> attributes = attributes(match.group(3));
            String inner = match.group(5) == null ? "" : match.group(5);
            String html = switch (name) {
                case "caption", "wp_caption" -> caption(attributes, inner);
                case "gallery" -> gallery(attributes, context);
                case "embed" -> inner.isBlank() ? "" : MastheadMarkup.html(MastheadMarkup.embed(Jsoup.parse(inner).text(), null));
                case "audio" -> media("Audio", AUDIO_SOURCES, attributes, inner, context);
                case "video" -> media("Video", VIDEO_SOURCES, attributes, inner, context);
                default -> {
                    context.warn("A [" + name + "] shortcode was dropped: Masthead has nothing like it.");
                    yield "";
                }
            };
            return match.group(1) + html + match.group(6);
        });
    }

    /** Addresses alone on their line, which WordPress shows as the embedded post or video. */
    static String embedBareUrls(String content) {
        if (!content.contains("http")) {
            return content;
        }
        return Autop.replaceAll(URL_LINE, content, match -> match.group(1)
                + MastheadMarkup.html(MastheadMarkup.embed(Jsoup.parse(match.group(2)).text(), null)) + match.group(3));
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text.replaceAll("[\\u00a0\\u200b]", " ").strip());
        int position = 0;
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                attributes.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
            } else if (matcher.group(3) != null) {
                attributes.put(matcher.group(3).toLowerCase(java.util.Locale.ROOT), matcher.group(4));
            } else if (matcher.group(5) != null) {
                attributes.put(matcher.group(5).toLowerCase(java.util.Locale.ROOT), matcher.group(6));
            } else {
                String positional = matcher.group(7) != null ? matcher.group(7)
                        : matcher.group(8) != null ? matcher.group(8) : matcher.group(9);
                attributes.put(String.valueOf(position++), positional);
            }
        }
        return attributes;
    }

    /** {@code [caption]<a><img></a> The caption[/caption]}, or with the caption in its attribute (before WP 3.4). */
    private static String caption(Map<String, String> attributes, String inner) {
        Matcher image = LINKED_IMAGE.matcher(inner);
        if (!image.find()) {
            return inner;
        }
        String caption = attributes.getOrDefault("caption", "");
        if (caption.isBlank()) {
            caption = (inner.substring(0, image.start()) + inner.substring(image.end())).strip();
        }
        return "<figure>" + image.group() + (caption.isBlank() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
    }

    /** {@code [gallery ids="1,2"]}, or without ids the media uploaded to the post, as Masthead's gallery. */
    private static String gallery(Map<String, String> attributes, ConversionContext context) {
        String ids = attributes.getOrDefault("ids", attributes.getOrDefault("include", ""));
        List<WxrAttachment> pictures = new ArrayList<>();
        int missing = 0;
        if (ids.isBlank()) {
            pictures.addAll(context.attachments().childrenOf(context.postId()));
        } else {
            for (String id : ids.split("\\s*,\\s*")) {
                Optional<WxrAttachment> picture = id.strip().matches("\\d{1,18}")
                        ? context.attachments().byId(Long.parseLong(id.strip())) : Optional.empty();
                if (picture.isPresent()) {
                    pictures.add(picture.get());
                } else {
                    missing++;
                }
            }
        }
        pictures.removeIf(picture -> picture.url() == null || picture.url().isBlank());
        if (pictures.isEmpty()) {
            context.warn("A [gallery] shortcode was dropped: its pictures are not in the file.");
            return "";
        }
        if (missing > 0) {
            context.warn(missing + " picture(s) of a [gallery] shortcode are not in the file and were left out.");
        }
        List<Element> figures = pictures.stream()
                .map(picture -> MastheadMarkup.figure(picture.url(), picture.alt(), picture.caption(), null, null)).toList();
        return MastheadMarkup.html(MastheadMarkup.gallery(figures, null));
    }

    private static String media(String kind, List<String> sources, Map<String, String> attributes, String inner,
                                ConversionContext context) {
        String url = sources.stream().map(attributes::get).filter(value -> value != null && !value.isBlank()).findFirst()
                .orElse(attributes.getOrDefault("0", inner.strip()));
        if (url == null || !url.matches("(?i)https?://\\S+|/\\S+")) {
            context.warn("An [" + kind.toLowerCase(java.util.Locale.ROOT) + "] shortcode without a file was dropped.");
            return "";
        }
        return MastheadMarkup.html(MastheadMarkup.mediaLink(kind, url, null));
    }
}
