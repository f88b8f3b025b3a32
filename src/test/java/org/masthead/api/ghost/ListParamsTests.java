package org.masthead.api.ghost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.api.GhostError;

/** Ghost's browse parameters: defaults, the Ghost 6 limit cap, validation, order and the pagination block. */
class ListParamsTests {

    private static ListParams of(String... pairs) {
        Map<String, String[]> query = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], new String[]{pairs[i + 1]});
        }
        return ListParams.of(query);
    }

    @Test
    void limitDefaultsToFifteenAndIsCappedAtAHundred() {
        assertThat(of().limit()).isEqualTo(15);
        assertThat(of("limit", "all").limit()).isEqualTo(100);
        assertThat(of("limit", "101").limit()).isEqualTo(100);
        assertThat(of("limit", "abc").limit()).isEqualTo(100);
        assertThat(of("limit", "99999999999").limit()).isEqualTo(100);
        assertThatThrownBy(() -> of("limit", "0")).isInstanceOf(GhostError.class);
    }

    @Test
    void pageMustBeDigits() {
        assertThat(of("page", "3").offset()).isEqualTo(30);
        assertThatThrownBy(() -> of("page", "-1")).isInstanceOf(GhostError.class)
                .satisfies(error -> assertThat(((GhostError) error).type()).isEqualTo(GhostError.Type.ValidationError));
    }

    @Test
    void orderUsesOnlyKnownFieldsAndAlwaysEndsOnAUniqueColumn() {
        assertThat(of("order", "title asc, published_at DESC").orderSql(Map.of("title", "p.headline",
                "published_at", "p.published_at"), "x", "p.id desc")).isEqualTo("p.headline asc, p.published_at desc, p.id desc");
        assertThat(of().orderSql(Map.of(), "p.published_at desc, p.id desc", "p.id desc")).isEqualTo("p.published_at desc, p.id desc");
        assertThatThrownBy(() -> of("order", "password asc").orderSql(Map.of("title", "p.headline"), "x", "y"))
                .isInstanceOf(GhostError.class);
        assertThatThrownBy(() -> of("order", "title; drop table x")).isInstanceOf(GhostError.class);
        assertThatThrownBy(() -> of("order", "title sideways")).isInstanceOf(GhostError.class);
    }

    @Test
    void paginationFollowsGhostsNeighbourRule() {
        Map<?, ?> first = (Map<?, ?>) of("limit", "10").pagination(25).get("pagination");
        assertThat(first.get("pages")).isEqualTo(3L);
        assertThat(first.get("next")).isEqualTo(2);
        assertThat(first.get("prev")).isNull();
        Map<?, ?> past = (Map<?, ?>) of("limit", "10", "page", "7").pagination(25).get("pagination");
        assertThat(past.get("next")).isEqualTo(8);
        assertThat(past.get("prev")).isEqualTo(6);
        Map<?, ?> none = (Map<?, ?>) of().pagination(0).get("pagination");
        assertThat(none.get("pages")).isEqualTo(1L);
        assertThat(none.get("next")).isNull();
    }
}
