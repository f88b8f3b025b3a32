package org.masthead.live;

import org.masthead.content.ArticleView;
import org.masthead.content.PublishedArticles;
import org.masthead.system.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /articles/{slug}/live: a live blog's changes as Server-Sent Events, continuing after Last-Event-ID. */
@RestController
class LiveStreamController {

    private final LiveStreams streams;
    private final PublishedArticles articles;
    private final LiveCoverageReader coverage;

    LiveStreamController(LiveStreams streams, PublishedArticles articles, LiveCoverageReader coverage) {
        this.streams = streams;
        this.articles = articles;
        this.coverage = coverage;
    }

    @GetMapping(path = "/articles/{slug}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> stream(@PathVariable String slug,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        ArticleView article = articles.article(slug).orElseThrow(() -> new NotFoundException("No published article " + slug));
        if (coverage.forArticle(article.id(), article.url(), null, null).isEmpty()) {
            throw new NotFoundException("No live blog " + slug);
        }
        var emitter = streams.open(article.id(), article.url(), org.masthead.system.LastEventId.parse(lastEventId, lastEventIdParameter));
        if (emitter == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                    .contentType(MediaType.TEXT_PLAIN).body("Live updates are at capacity. Reload the page for the latest.");
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Accel-Buffering", "no")
                .body(emitter);
    }
}
