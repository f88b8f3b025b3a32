package org.masthead.media;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files an upload wrote for the first time. When the upload's transaction rolls back (a later file could not be
 * stored, a row could not be written) they are deleted again, so a failed upload leaves neither rows nor files.
 */
final class WrittenFiles implements TransactionSynchronization {

    private static final Logger log = LoggerFactory.getLogger(WrittenFiles.class);

    private final MediaStore store;
    private final List<String> names = new ArrayList<>();

    private WrittenFiles(MediaStore store) {
        this.store = store;
    }

    static WrittenFiles forThisTransaction(MediaStore store) {
        WrittenFiles written = new WrittenFiles(store);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(written);
        }
        return written;
    }

    void add(String name) {
        names.add(name);
    }

    @Override
    public void afterCompletion(int status) {
        if (status == STATUS_COMMITTED) {
            return;
        }
        for (String name : names) {
            try {
                store.delete(name);
            } catch (RuntimeException e) {
                log.warn("Could not delete {} after a failed upload", name, e);
            }
        }
    }
}
