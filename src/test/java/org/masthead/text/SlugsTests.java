package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void headlineBecomesLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.slugify("Russia stalls once again as Ukraine pushes for new February peace talks"))
                .isEqualTo("russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks");
    }

    @Test
    void punctuationAndApostrophesDisappearWithoutSplittingWords() {
        assertThat(Slugs.slugify("Ukraine's \"new\" plan: U.S.-mediated talks — 2026!"))
                .isEqualTo("ukraines-new-plan-u-s-mediated-talks-2026");
    }

    @Test
    void latinAccentsAreDropped() {
        assertThat(Slugs.slugify("Crème brûlée à Zürich, São Paulo & Łódź")).isEqualTo("creme-brulee-a-zurich-sao-paulo-lodz");
        assertThat(Slugs.slugify("Straße")).isEqualTo("strasse");
    }

    @Test
    void ukrainianIsTransliteratedByTheNationalSystem() {
        assertThat(Slugs.slugify("Київ")).isEqualTo("kyiv");
        assertThat(Slugs.slugify("Володимир Зеленський")).isEqualTo("volodymyr-zelenskyi");
        assertThat(Slugs.slugify("Юлія Їжакевич")).isEqualTo("yuliia-yizhakevych");
        assertThat(Slugs.slugify("Згорани")).isEqualTo("zghorany");
        assertThat(Slugs.slugify("Щастя і Єнакієве")).isEqualTo("shchastia-i-yenakiieve");
        assertThat(Slugs.slugify("Гаґа")).isEqualTo("haga");
    }

    @Test
    void russianOnlyLettersAreTransliteratedAndSharedOnesFollowUkrainian() {
        assertThat(Slugs.slugify("Подъезд в Сыктывкаре, ёлка и эхо")).isEqualTo("podezd-v-syktyvkare-yolka-y-ekho");
    }

    @Test
    void longHeadlinesAreCutAtAWordBoundary() {
        String slug = Slugs.slugify("word ".repeat(40));
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).endsWith("word").doesNotEndWith("-");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void textWithoutLettersOrDigitsGivesAnEmptyAndInvalidSlug() {
        assertThat(Slugs.slugify("!!! — ???")).isEmpty();
        assertThat(Slugs.isValid("")).isFalse();
    }

    @Test
    void validSlugsAreLowerCaseAsciiWithSingleHyphens() {
        assertThat(Slugs.isValid("peace-talks-2026")).isTrue();
        assertThat(Slugs.isValid("Peace-Talks")).isFalse();
        assertThat(Slugs.isValid("peace--talks")).isFalse();
        assertThat(Slugs.isValid("-peace")).isFalse();
        assertThat(Slugs.isValid("../etc")).isFalse();
    }
}
