package org.masthead.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns headlines and names into URL slugs: lower-case ASCII words joined by hyphens. Cyrillic is transliterated
 * by the Ukrainian national system of 2010 (so letters both languages share follow Ukrainian: и → y, г → h),
 * plus the Russian letters Ukrainian lacks; Latin accents are dropped.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 80;

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"), Map.entry('ґ', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"), Map.entry('ж', "zh"), Map.entry('з', "z"),
            Map.entry('и', "y"), Map.entry('і', "i"), Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
            Map.entry('щ', "shch"), Map.entry('ь', ""), Map.entry('ю', "iu"), Map.entry('я', "ia"),
            Map.entry('ы', "y"), Map.entry('э', "e"), Map.entry('ё', "yo"), Map.entry('ъ', ""));

    /** At the start of a word these letters are spelled differently (Є → Ye, Ї → Yi, Й → Y, Ю → Yu, Я → Ya). */
    private static final Map<Character, String> CYRILLIC_WORD_START = Map.of(
            'є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");

    private Slugs() {
    }

    public static String slugify(String text) {
        String transliterated = transliterate(text.toLowerCase(Locale.ROOT));
        String ascii = Normalizer.normalize(transliterated, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe")
                .replace("ł", "l").replace("đ", "d").replace("ð", "d").replace("þ", "th").replace("ı", "i")
                .replaceAll("['’ʼ]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return shorten(slug);
    }

    /** "{slug}-{n}", the slug cut (and any hyphen it then ends with dropped) so the whole stays within the limit. */
    public static String numbered(String slug, long n) {
        String suffix = "-" + n;
        return slug.substring(0, Math.min(slug.length(), MAX_LENGTH - suffix.length())).replaceAll("-+$", "") + suffix;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    private static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordStart = !Character.isLetter(previous) && previous != '\'' && previous != '’';
            if (c == 'г' && previous == 'з') {
                out.append("gh"); // "зг" is spelled "zgh" so it is not read as "zh"
            } else if (wordStart && CYRILLIC_WORD_START.containsKey(c)) {
                out.append(CYRILLIC_WORD_START.get(c));
            } else if (CYRILLIC.containsKey(c)) {
                out.append(CYRILLIC.get(c));
            } else {
                out.append(c);
            }
            previous = c;
        }
        return out.toString();
    }

    private static String shorten(String slug) {
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        String cut = slug.substring(0, MAX_LENGTH);
        int lastHyphen = cut.lastIndexOf('-');
        return lastHyphen > MAX_LENGTH / 2 ? cut.substring(0, lastHyphen) : cut;
    }
}
