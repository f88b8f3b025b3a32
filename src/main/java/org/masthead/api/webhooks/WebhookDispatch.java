package org.masthead.api.webhooks;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The durable listener that sends what a committed change owes: run by the event registry after the commit, on its
 * own thread, and re-run after a crash until it completes. Calls that fail stay in the outbox with their next
 * attempt time; {@link WebhookSender}'s poller retries them with backoff.
 */
@Component
class WebhookDispatch {

    private final WebhookSender sender;

    WebhookDispatch(WebhookSender sender) {
        this.sender = sender;
    }

    /**
     * Durable like every module listener (the registry tracks transactional event listeners), but without a
     * transaction of its own: sending holds no database connection while a target answers.
     */
    @Async
    @TransactionalEventListener
    void send(WebhookCallsOwed owed) {
        sender.sendDue();
    }
}
