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
        String standfirst = "A demo story from %s: %s.".formatted(place, person.replaceAll("^\\S+ ", "")
                + " weighs in on what comes next");
        List<String> tags = List.of(TAGS[section][random.nextInt(4)], place);
        return new Story(SECTIONS[section], headline, standfirst, String.join("\n\n", paragraphs), tags);
    }
}
