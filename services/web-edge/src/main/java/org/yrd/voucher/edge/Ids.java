package org.yrd.voucher.edge;

import java.util.UUID;

/** Where new entity ids come from: injected, so that services never call UUID themselves. */
@FunctionalInterface
public interface Ids {
    UUID next();
}
