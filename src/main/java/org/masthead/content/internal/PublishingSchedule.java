package org.masthead.content.internal;

import org.masthead.content.Publishing;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds, on every node, scheduled articles whose time has come are published (each exactly once). */
@Component
class PublishingSchedule {

    private final Publishing publishing;

    PublishingSchedule(Publishing publishing) {
        this.publishing = publishing;
    }

    @Scheduled(fixedDelayString = "${masthead.scheduler.interval:5s}", initialDelayString = "${masthead.scheduler.interval:5s}")
    void tick() {
        publishing.publishDue();
    }
}
