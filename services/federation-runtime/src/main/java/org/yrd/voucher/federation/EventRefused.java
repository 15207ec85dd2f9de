package org.yrd.voucher.federation;

import org.yrd.voucher.events.EventCheck;

/**
 * Thrown by a handler that will not apply an event (provenance, a transition not allowed from the state held): the
 * {@link Intake} rolls its batch back, quarantines the event with this reason and applies the others.
 */
public class EventRefused extends RuntimeException {
    private final EventCheck.Reason reason;

    public EventRefused(EventCheck.Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public EventCheck.Refused refused() {
        return new EventCheck.Refused(reason, getMessage());
    }
}
