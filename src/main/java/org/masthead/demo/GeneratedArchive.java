package org.masthead.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The shape of a big newsroom's archive, made up deterministically from an article's number so every benchmark
 * dataset is the same on every machine: five sections, a few hundred writers of whom some file far more than others,
 * fifteen years of stories, bodies of 300–1,500 words mixing everyday newsroom words (one story in two mentions
 * "officials") with invented rare ones, and tags with a long tail — a handful on every other story, thousands of
 * place names and tens of thousands of one-off topics. Everything is fictional and the bodies say so.
 */
final class GeneratedArchive {

    /** How far back a generated archive reaches, whatever its size. */
    static final Duration SPAN = Duration.ofDays(15 * 365);
    /** A word that appears in exactly one story in two (for "a query matching half the archive"). */
    static final String HALF_THE_ARCHIVE = "officials";

    record Story(String section, String headline, String standfirst, String markdown, List<String> tags, int author,
                 int coAuthor) {
    }

    record Writer(String name, String jobTitle, String bio) {
    }

    private static final String[] SYLLABLES = {"ka", "vor", "lin", "tes", "mar", "quo", "bel", "dra", "sen", "fi",
            "gu", "ho", "ny", "pra", "zel", "tor", "wim", "ash", "eld", "ri", "mo", "sta", "cun", "ev"};
    private static final String[] PLACE_ENDINGS = {"ford", "wick", "haven", "moor", "bay", "field", "gate", "ton",
            "bridge", "mouth"};
    private static final String[] TOPIC_NOUNS = {"inquiry", "bridge", "festival", "strike", "trial", "merger",
            "expedition", "reform", "archive", "rescue", "pipeline", "tribunal"};
    private static final String[] FIRST_NAMES = {"Ada", "Bram", "Cleo", "Dmitri", "Esme", "Farid", "Greta", "Hugo",
            "Iris", "Jonas", "Kemi", "Luca", "Maren", "Nico", "Oona", "Pavel", "Quinn", "Rosa", "Soren", "Talia"};
    private static final String[] LAST_NAMES = {"Abbot", "Bellweather", "Castell", "Dunmore", "Ekdahl", "Falk",
            "Garrow", "Hale", "Ivers", "Jansen", "Kestrel", "Lowry", "Mirren", "Novak", "Orme", "Penhale", "Quarry",
            "Rook", "Sallis", "Thorne", "Umber", "Vane", "Wilde", "Yarrow"};
    private static final String[] BEATS = {"Political Correspondent", "Business Reporter", "Culture Writer",
            "Science Reporter", "Foreign Correspondent", "Data Reporter", "Regional Reporter", "Senior Editor"};
    private static final String[] ROLES = {"the mayor", "a council spokesperson", "the regional minister",
            "a union representative", "the chief executive", "a local historian", "the harbour master",
            "a hospital director", "an opposition leader", "a university researcher"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    /** Sentences a newsroom writes every day; {place}, {role}, {rare}, {number}, {month} and {weekday} filled in. */
    private static final String[] SENTENCES = {
            "The council met on {weekday} to discuss the proposal, which has divided opinion in {place} for months.",
            "According to {role}, the first phase could begin as early as {month}.",
            "\"We have heard every side of this, and we intend to get it right,\" said {role}.",
            "The plan would cost about {number} million, shared between the city and the regional government.",
            "Residents of {place} packed the town hall, and several asked why the budget had grown since last year.",
            "Critics point to the {rare} report, which warned that similar schemes had run over time and over budget.",
            "Supporters say the change will pay for itself within a few years.",
            "A public consultation will run until the end of {month}, and written submissions are welcome.",
            "Local businesses have asked for clearer rules before they commit to new investment.",
            "The figures, published on {weekday}, show an increase of {number} per cent on the previous year.",
            "Independent experts urged patience, noting that results may take a year to appear.",
            "Schools, clinics and shops near {place} are expected to feel the effects first.",
            "Locals still call it the {rare} affair, after the dispute that stalled a similar project a decade ago.",
            "Neither side expects a final decision before the summer recess.",
            "Transport operators said they had not been consulted, a claim the regional office disputes.",
            "A previous attempt collapsed over funding, a history that still shapes the debate.",
            "Campaigners gathered outside the assembly building in {place} on {weekday} morning.",
            "The committee will publish its findings in {month}, along with the evidence it heard.",
            "Several families who moved to {place} in recent years say the housing market has changed beyond recognition.",
            "The {rare} foundation, which funds research in the region, has offered to pay for an independent review.",
            "Weather forecasters warned of heavy rain later in the week, which could delay the work.",
            "Prices in the region rose faster than wages for the third year running.",
            "\"This is a question of trust as much as money,\" {role} told reporters.",
            "The vote passed by {number} to {number}, with two members abstaining.",
    };
    private static final String[] STANDFIRSTS = {
            "What the latest decision in %s means for the people who live there, and what happens next.",
            "Months of argument in %s come to a head, and not everyone is pleased with the result.",
            "Residents of %s have questions about cost and timing; here is what we know so far.",
            "A closer look at the numbers behind the plan, and at who in %s stands to gain.",
            "The people of %s react to a week that could shape the next decade.",
    };
    private static final String OFFICIALS_SENTENCE =
            "Officials in {place} said they would release the full figures once the review was complete.";
    private static final String DISCLAIMER =
            "*This is a generated story for Masthead's benchmarks. The places and people in it are fictional.*";
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"};

    private GeneratedArchive() {
    }

    /** How many writers an archive of this size has: a dozen for a small site, four hundred for a national one. */
    static int writers(int articles) {
        return Math.max(12, Math.min(400, articles / 2500));
    }

    static Writer writer(int index) {
        Random random = new Random(977L * index + 3);
        String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)]
                + (index >= FIRST_NAMES.length ? " " + (char) ('A' + index % 26) + "." : "");
        String beat = BEATS[random.nextInt(BEATS.length)];
        return new Writer(name, beat, "Fictional writer made up for Masthead's benchmark archives (" + beat.toLowerCase() + ").");
    }

    /** When story number {@code number} of {@code count} appeared: evenly back through fifteen years from {@code newest}. */
    static Instant publishedAt(Instant newest, int number, int count) {
        long step = Math.max(60, SPAN.toSeconds() / Math.max(1, count));
        return newest.minusSeconds(step * number);
    }

    static Story story(int number, int writers) {
        Random random = new Random(0x5EEDL * number + 17);
        int section = Math.floorMod(number, SyntheticArticles.SECTIONS.length);
        String place = place(zipf(random, 3000));
        String headline = SyntheticArticles.headline(section, random.nextInt(6), place);
        int words = 300 + (int) (1200 * Math.pow(random.nextDouble(), 1.5));
        String markdown = body(random, place, words, number % 2 == 0);
        Set<String> tags = new LinkedHashSet<>();
        tags.add(SyntheticArticles.sectionTag(section, random.nextInt(4)));
        tags.add(place);
        if (random.nextInt(10) < 3) {
            tags.add(capitalised(rareWord(zipf(random, 30_000))) + " " + TOPIC_NOUNS[random.nextInt(TOPIC_NOUNS.length)]);
        }
        int author = zipf(random, writers);
        int coAuthor = random.nextInt(8) == 0 ? Math.floorMod(author + 1 + random.nextInt(writers - 1), writers) : -1;
        String standfirst = STANDFIRSTS[random.nextInt(STANDFIRSTS.length)].formatted(place);
        return new Story(SyntheticArticles.SECTIONS[section], headline, standfirst, markdown, List.copyOf(tags), author,
                coAuthor);
    }

    private static String body(Random random, String place, int words, boolean mentionsOfficials) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int written = 0;
        int sentences = 0;
        int officialsAt = mentionsOfficials ? random.nextInt(6) : -1;
        while (written < words) {
            String template = sentences == officialsAt ? OFFICIALS_SENTENCE : SENTENCES[random.nextInt(SENTENCES.length)];
            String sentence = fill(template, random, place);
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(sentence);
            written += sentence.split(" ").length;
            sentences++;
            if (random.nextInt(3) == 0) {
                paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
        }
        paragraphs.add(DISCLAIMER);
        return String.join("\n\n", paragraphs);
    }

    private static String fill(String template, Random random, String place) {
        String sentence = template.replace("{place}", place)
                .replace("{weekday}", WEEKDAYS[random.nextInt(WEEKDAYS.length)])
                .replace("{month}", MONTHS[random.nextInt(MONTHS.length)]);
        if (sentence.contains("{role}")) {
            String role = ROLES[random.nextInt(ROLES.length)];
            sentence = sentence.replace("{role}", sentence.startsWith("{role}") || sentence.indexOf("{role}") < 2
                    ? capitalised(role) : role);
        }
        while (sentence.contains("{number}")) {
            sentence = sentence.replaceFirst("\\{number}", Integer.toString(2 + random.nextInt(97)));
        }
        if (sentence.contains("{rare}")) {
            sentence = sentence.replace("{rare}", capitalised(rareWord(zipf(random, 200_000))));
        }
        return sentence;
    }

    /**
     * An invented word from syllables; low indexes are short and common, high ones long and rare. Word 150,000 turns
     * up in a few stories per million, word 10 in thousands.
     */
    static String rareWord(int index) {
        StringBuilder word = new StringBuilder();
        int rest = index;
        do {
            word.append(SYLLABLES[rest % SYLLABLES.length]);
            rest /= SYLLABLES.length;
        } while (rest > 0 || word.length() < 6);
        return word.toString();
    }

    static String place(int index) {
        if (index < 12) {
            return SyntheticArticles.place(index);
        }
        return capitalised(rareWord(index + 7)) + PLACE_ENDINGS[index % PLACE_ENDINGS.length];
    }

    /** A long tail: index 0 most often, {@code size - 1} rarely (a power law, cheap to draw). */
    private static int zipf(Random random, int size) {
        return Math.min(size - 1, (int) (size * Math.pow(random.nextDouble(), 3)));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
