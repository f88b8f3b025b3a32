package org.masthead.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes made-up demo stories about fictional places, deterministically from a number, so the demo site and
 * the benchmark datasets are the same on every machine. Nothing here is real news, and every story says so.
 */
final class SyntheticArticles {

    record Story(String section, String headline, String standfirst, String markdown, List<String> tags) {
    }

    private static final String[] PLACES = {"Northvale", "Port Ellery", "Kessington", "Lowmarsh", "Brightwater",
            "Hollin Bay", "Stavemoor", "Greywick", "Amberfield", "Oakhaven", "Redcliff", "Marrowgate"};
    private static final String[] PEOPLE = {"Mayor Lena Hart", "Councillor Ivo Brandt", "Minister Dara Quill",
            "Professor Amos Reyes", "Director Wren Okoye", "Chair Tomas Vell", "Senator Ilse Marr",
            "Dr. Nadia Ferro", "Governor Pell Ashby", "Curator Juno Sato"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"};

    private static final String[][] HEADLINES = {
            // Politics
            {"%s council backs plan to rebuild its riverside tram line",
                    "Coalition talks in %s stall over the regional budget",
                    "Voters in %s head to the polls in a closely watched by-election",
                    "%s assembly approves new rules on lobbying transparency",
                    "Opposition in %s demands inquiry into delayed housing grants",
                    "%s mayor unveils a ten-year plan for public transport"},
            // Business
            {"Shipyard in %s wins its largest order in a decade",
                    "Small businesses in %s report a busy holiday season",
                    "%s bakery chain expands to three new towns",
                    "Energy co-operative in %s cuts bills for its members",
                    "Startups in %s draw record investment in green logistics",
                    "Port of %s handles more containers than ever before"},
            // Culture
            {"%s film festival opens with a documentary about its old harbour",
                    "A forgotten painter from %s gets her first retrospective",
                    "%s library turns its basement into a music studio",
                    "Theatre company in %s revives a century-old comedy",
                    "Street food market in %s becomes a weekend institution",
                    "Choirs from across the region gather in %s"},
            // Science
            {"Researchers in %s track a rare owl with tiny solar tags",
                    "%s observatory photographs a comet's second tail",
                    "Engineers in %s test a bridge that monitors its own cracks",
                    "University of %s maps the microbes living in city fountains",
                    "Flood sensors in %s give residents a six-hour warning",
                    "%s hospital trials a faster test for common infections"},
            // World
            {"Delegations meet in %s to revive a stalled water treaty",
                    "Aid convoy reaches %s after weeks of delays",
                    "Trade ministers gather in %s to discuss shipping routes",
                    "%s hosts regional summit on climate adaptation",
                    "Border towns near %s reopen crossings for farmers",
                    "Envoys in %s agree on a timetable for prisoner exchanges"},
    };
    static final String[] SECTIONS = {"Politics", "Business", "Culture", "Science", "World"};
    private static final String[][] TAGS = {
            {"Elections", "Local government", "Transport", "Budget"},
            {"Economy", "Jobs", "Energy", "Trade"},
            {"Film", "Art", "Music", "Theatre"},
            {"Research", "Health", "Climate", "Space"},
            {"Diplomacy", "Aid", "Climate", "Trade"},
    };

    private static final String[] OPENERS = {
            "Officials in %s confirmed on %s that the plan would go ahead, after months of debate.",
            "The announcement in %s on %s surprised few people who have followed the story closely.",
            "Residents of %s have waited a long time for this moment, and on %s it finally arrived.",
            "What began as a small proposal in %s became the talk of the region by %s.",
    };
    private static final String[] MIDDLES = {
            "Supporters say the change will pay for itself within a few years, while critics question the numbers.",
            "The details are still being worked out, and several committees will review them before summer.",
            "Local groups have asked for public meetings so that everyone affected can have a say.",
            "Similar efforts elsewhere produced mixed results, which both sides were quick to point out.",
            "The cost has been estimated at several million, shared between the city and regional funds.",
            "Independent experts urged patience, noting that the first results may take a year to appear.",
            "Schools, clinics and shops in the area are expected to feel the effects first.",
            "A previous attempt collapsed over funding, a history that still shapes the debate.",
    };
    private static final String[] QUOTES = {
            "\"We listened carefully, and this is the result,\" said %s.",
            "\"Nobody gets everything they want, but this is a fair start,\" %s told reporters.",
            "\"The work starts now, not when the cameras leave,\" %s said.",
            "\"We will publish every figure so people can judge for themselves,\" according to %s.",
    };
    private static final String DISCLAIMER =
            "*This is a demo story generated by Masthead. The places and people in it are fictional.*";

    private SyntheticArticles() {
    }

    /** Headline {@code variant} (0–5) of a section's set, about {@code place}. */
    static String headline(int section, int variant, String place) {
        return HEADLINES[section][variant % HEADLINES[section].length].formatted(place);
    }

    /** One of a section's four everyday tags. */
    static String sectionTag(int section, int variant) {
        return TAGS[section][variant % TAGS[section].length];
    }

    /** One of the demo's twelve fictional places. */
    static String place(int index) {
        return PLACES[index % PLACES.length];
    }

    static Story story(int number) {
        Random random = new Random(31L * number + 7);
        int section = Math.floorMod(number, SECTIONS.length);
        String place = PLACES[random.nextInt(PLACES.length)];
        String person = PEOPLE[random.nextInt(PEOPLE.length)];
        String headline = HEADLINES[section][random.nextInt(HEADLINES[section].length)].formatted(place);
        String weekday = WEEKDAYS[random.nextInt(WEEKDAYS.length)];

        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(OPENERS[random.nextInt(OPENERS.length)].formatted(place, weekday));
        int middle = 3 + random.nextInt(6);
        for (int i = 0; i < middle; i++) {
            paragraphs.add(MIDDLES[random.nextInt(MIDDLES.length)] + " "
                    + MIDDLES[random.nextInt(MIDDLES.length)]);
            if (i == 1) {
                paragraphs.add(QUOTES[random.nextInt(QUOTES.length)].formatted(person));
            }
        }
        paragraphs.add(DISCLAIMER);
        String standfirst = standfirst(section, headline, place, person);
        List<String> tags = List.of(TAGS[section][random.nextInt(4)], place);
        return new Story(SECTIONS[section], headline, standfirst, String.join("\n\n", paragraphs), tags);
    }

    /*
     * One standfirst per headline above (same section, same position), written as a news desk would: what happened,
     * why it matters, who says so. %1$s is the place, %2$s the person quoted in the story. All fictional.
     */
    private static final String[][] STANDFIRSTS = {
            // Politics
            {"The first trams could run before the end of the decade if the regional grant arrives, %2$s said, but shop owners along the route want guarantees about two years of roadworks.",
                    "Talks between the two largest parties in %1$s broke up without a deal on schools and roads, leaving the region without a budget a month before its deadline.",
                    "A seat that has changed hands once in forty years is suddenly in play, and both main parties sent their leaders to %1$s for the final week of the campaign.",
                    "Lobbyists will have to publish every meeting with an elected member within a fortnight, under rules %2$s called the strictest in the country.",
                    "Hundreds of families in %1$s are still waiting for repair money promised two years ago; the opposition says the delays were known inside the council for months.",
                    "More frequent buses, a night network and one ticket for the whole region are at the heart of a plan that %2$s says will take a fifth of car journeys off the roads."},
            // Business
            {"The order for six electric ferries secures work for about 900 people in %1$s until 2030 and brings back the apprenticeships the yard dropped in the last downturn.",
                    "Shops and cafés in %1$s say December was their best month since 2019, helped by late opening and a free weekend bus into the centre.",
                    "A family business that started with one oven in %1$s opens three branches this spring, creating about sixty jobs.",
                    "Members will pay around 12 per cent less for electricity this winter after the co-operative's wind turbines had their best year yet.",
                    "Investors put more into young logistics companies in %1$s last year than in the three years before, drawn by electric delivery vans and a new rail freight hub.",
                    "Record traffic reflects shipping lines moving away from crowded hubs, but %2$s warned that the roads around the docks are already close to capacity."},
            // Culture
            {"The opening film, made by a former dock worker, tells the story of %1$s's old harbour through the people who worked it, and sold out within an hour.",
                    "More than sixty works by a painter who left %1$s in the 1930s and was all but forgotten go on show together for the first time.",
                    "Soundproofed rooms, second-hand instruments and free sessions for teenagers: the library hopes its studio will bring in people who never came to borrow a book.",
                    "A comedy of manners written in %1$s a century ago returns with a young cast, and with a few of the jokes the original censors cut.",
                    "What began as a handful of stalls in a car park now draws thousands of visitors every weekend, and restaurants nearby say they feel the difference.",
                    "Forty choirs and more than a thousand singers are in %1$s for a weekend of concerts, the region's largest gathering of its kind in a decade."},
            // Science
            {"Tags lighter than a paperclip show where the owls hunt at night, and may explain why their numbers around %1$s have halved in twenty years.",
                    "Three clear nights gave astronomers in %1$s images of the comet's faint second tail, which could help show what it is made of.",
                    "Sensors cast into the concrete report a crack as it forms; engineers say the method could make bridge inspections cheaper and safer.",
                    "Samples from forty fountains in %1$s turned up hundreds of kinds of microbes, nearly all harmless and several never described before.",
                    "A network of cheap river sensors gave residents six hours' notice of last month's flood, time that %2$s says kept people and cars out of harm's way.",
                    "The test gives a result in twenty minutes instead of two days, and doctors in %1$s hope it will mean fewer antibiotics prescribed just in case."},
            // World
            {"Negotiators from three countries are in %1$s to try to save an agreement on sharing a river that millions of farmers depend on.",
                    "Forty lorries of food, medicine and winter clothing reached %1$s after weeks held at checkpoints, aid workers said.",
                    "Ministers meeting in %1$s are looking for ways to keep goods moving as insurers raise prices on some of the busiest sea lanes.",
                    "Leaders in %1$s are expected to agree on a shared fund for flood defences and early warnings, though not on who pays the most.",
                    "Farmers near %1$s can reach their fields again after two years, under an arrangement %2$s called a first step towards normal trade.",
                    "Envoys agreed in %1$s that the first exchange of prisoners will take place within a month, though the lists have still to be settled."},
    };

    /**
     * The standfirst for a story with this headline: the one written for the headline, about the same place and
     * quoting the same person; a plain one for a headline not of this set. For the story generator to use.
     *
     * @param person as in the story ("Mayor Lena Hart")
     */
    static String standfirst(int section, String headline, String place, String person) {
        for (int variant = 0; variant < HEADLINES[section].length; variant++) {
            if (HEADLINES[section][variant].formatted(place).equals(headline)) {
                return STANDFIRSTS[section][variant].formatted(place, person);
            }
        }
        return "What the latest decision in %s means for the people who live there, and what %s says happens next."
                .formatted(place, person);
    }
}
