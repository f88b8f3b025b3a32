package org.masthead.newsfeed;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /news-feed/stream: newly published and withdrawn articles, live, as Server-Sent Events. */
@RestController
class NewsFeedStreamController {

    private final LiveNewsFeed feed;

    NewsFeedStreamController(LiveNewsFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/news-feed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
                             jakarta.servlet.http.HttpServletRequest request) {
        Long after = org.masthead.system.LastEventId.parse(lastEventId, lastEventIdParameter);
        LiveNewsFeed.Opened opened = feed.open(after, request.getRemoteAddr());
        // Either refusal closes the browser's EventSource for good; the page then hides "live" and Show More works.
        if (opened.refused() == LiveNewsFeed.Refusal.NODE_FULL) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("The live news feed is at capacity. Reload the page or use Show More.");
        }
        if (opened.refused() == LiveNewsFeed.Refusal.CLIENT_LIMIT) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60")
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("Too many live news feed streams from your address. Close other tabs or use Show More.");
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Accel-Buffering", "no")
                .body(opened.emitter());
    }
}
