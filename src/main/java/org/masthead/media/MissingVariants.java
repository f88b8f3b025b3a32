package org.masthead.media;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pictures stored before today's variant widths ({@link ImageProcessor#VARIANT_WIDTHS}) get the copies they lack,
 * made from their originals in the background shortly after start, so an existing site's thumbnails and avatars
 * stop loading large copies without re-uploading anything. Safe on several nodes at once (same bytes, same names).
 */
@Component
class MissingVariants {

    private static final Logger log = LoggerFactory.getLogger(MissingVariants.class);
    private static final int BATCH = 50;

    private final MediaLibrary library;
    /*
     * Its own thread: on a large library the first run takes long, and the scheduler's thread also publishes
     * scheduled articles, which must not wait for it.
     */
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "missing-variants");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            });
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

    MissingVariants(MediaLibrary library) {
        this.library = library;
    }

    @Scheduled(initialDelayString = "${masthead.media.missing-variants-delay:20s}", fixedDelayString = "${masthead.media.missing-variants-interval:6h}")
    void addOnSchedule() {
        if (!running.compareAndSet(false, true)) {
            return; // the last run is still going
        }
        worker.execute(() -> {
            try {
                int added = addAll();
                if (added > 0) {
                    log.info("Made the missing resized copies of {} pictures", added);
                }
            } catch (RuntimeException e) {
                log.warn("Making missing resized copies did not work this time: {}", e.getMessage());
            } finally {
                running.set(false);
            }
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** @return how many pictures got copies */
    int addAll() {
        int pictures = 0;
        long after = 0;
        for (List<MediaFile> batch = library.lackingVariants(after, BATCH); !batch.isEmpty(); batch = library.lackingVariants(after, BATCH)) {
            for (MediaFile media : batch) {
                after = media.id();
                try {
                    library.addMissingVariants(media);
                    pictures++;
                } catch (MediaException e) {
                    // one damaged or missing file must not stop the others; it is tried again next time
                    log.warn("No resized copies for {}: {}", media.fileName(), e.getMessage());
                }
            }
        }
        return pictures;
    }
}
