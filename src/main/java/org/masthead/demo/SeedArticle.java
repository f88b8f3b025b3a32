package org.masthead.demo;

import java.time.Instant;

/** The page in shared/seed/peace-talks-article.txt, as the newsroom entered it. */
final class SeedArticle {

    static final String SECTION = "Politics";
    static final String HEADLINE = "Russia stalls once again as Ukraine pushes for new February peace talks";
    static final Instant PUBLISHED_AT = Instant.parse("2026-02-20T13:47:00Z");
    static final String CAPTION = "Kremlin spokesperson Dmitry Peskov in Moscow on April 25, 2024.";
    static final String CREDIT = "Alexander Nemenov / Getty Images";

    static final String AUTHOR = "Tim Zadorozhnyy";
    static final String AUTHOR_ROLE = "Reporter";
    static final String AUTHOR_BIO = "Tim Zadorozhnyy is the reporter for the Kyiv Independent, specializing in "
            + "foreign policy, U.S.-Ukraine relations, and political developments across Europe and Russia. Based in "
            + "Warsaw, he pursued studies in International Relations and European Studies at Lazarski University, "
            + "through a program offered in partnership with Coventry University. Tim began his journalism career in "
            + "Odesa in 2022, working as a reporter at a local television channel. After relocating to Warsaw, he "
            + "spent a year and a half with the Belarusian independent media outlet NEXTA, initially as a news anchor "
            + "and later as managing editor. Tim is fluent in English, Ukrainian, and Russian.";

    static final String BODY = """
            Ukraine aims to hold another round of peace talks in February, while the Kremlin cast doubt on the timeline, with spokesperson Dmitry Peskov saying on Feb. 20 he "can't confirm" the meeting.

            The uncertainty follows the latest round of U.S.-mediated negotiations in Geneva on Feb. 17–18, which ended without a political breakthrough on territory or a ceasefire.

            Ukrainian presidential adviser Dmytro Lytvyn said Kyiv is pushing to reconvene talks soon, noting that President Volodymyr Zelensky is expected to meet with Ukraine's negotiating team on Feb. 20.

            "We hope that (negotiating teams) will be able to meet again in February," Lytvyn told reporters. "But it is clear that this depends not only on Ukraine."

            Peskov struck a more cautious tone during a briefing earlier the same day when asked whether another round of negotiations would take place this month.

            "No, I can't confirm that," he said. "Once an agreement is reached, we will inform you."

            Russia's chief negotiator, Vladimir Medinsky, described the Geneva talks as "difficult but practical" on Feb. 18, adding that the next round could take place "soon." Zelensky also indicated that future discussions are expected to continue in Geneva.

            "We agreed to continue and move forward," Zelensky said on Feb. 18.

            If held, the upcoming meeting would mark the fourth round of negotiations since January, following multiple sessions that have failed to produce a breakthrough.
            """;

    private SeedArticle() {
    }
}
