package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.masthead.support.EmptySiteTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Pictures uploaded in the editor that no saved article used are removed after a day, files included. */
@EmptySiteTest
class UnusedUploadsTests {

    @Autowired MediaLibrary library;
    @Autowired MediaStore store;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    // Sizes no other test uses: the same bytes are one picture, and another test's picture may well be in use.
    @Test
    void anUploadNobodyUsedIsSweptAfterADayAndAUsedOneStays() {
        MediaFile unused = library.uploadForArticle(UploadTestsSupport.jpeg(617, 403), "abandoned.jpg", null);
        MediaFile used = library.uploadForArticle(UploadTestsSupport.jpeg(618, 403), "kept.jpg", null);
        library.claim(java.util.List.of(used.id()));
        UnusedUploads now = sweeper(Instant.now());
        UnusedUploads twoDaysOn = sweeper(Instant.now().plus(Duration.ofDays(2)));

        now.sweep();
        assertThat(library.find(unused.id())).as("not yet a day old").isPresent();
        assertThat(twoDaysOn.sweep()).as("this one at least; other tests may have left some").isPositive();

        assertThat(library.find(unused.id())).isEmpty();
        assertThat(store.get(unused.fileName())).as("the file is gone too").isEmpty();
        assertThat(jdbc.sql("select count(*) from media_variant where media_id = ?").param(unused.id()).query(Long.class).single())
                .isZero();
        assertThat(library.find(used.id())).isPresent();
        assertThat(store.get(used.fileName())).isPresent();
    }

    @Test
    void thePictureUploadedToTheLibraryItselfIsKeptEvenIfTheEditorHadItUnusedBefore() {
        byte[] picture = UploadTestsSupport.jpeg(619, 403);
        MediaFile fromTheEditor = library.uploadForArticle(picture, "draft.jpg", null);
        MediaFile intoTheLibrary = library.upload(picture, "library.jpg", null);

        assertThat(intoTheLibrary.id()).isEqualTo(fromTheEditor.id()); // the same bytes are one picture
        sweeper(Instant.now().plus(Duration.ofDays(2))).sweep();
        assertThat(library.find(fromTheEditor.id())).isPresent();
    }

    private UnusedUploads sweeper(Instant at) {
        return new UnusedUploads(jdbc, store, transactions, Clock.fixed(at, ZoneOffset.UTC), Duration.ofDays(1));
    }
}
