package org.yrd.voucher.hub.common;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "hub")
public interface HubConfig {
    Recognition recognition();

    /**
     * The YRD recognition standard (P5, P8, P14): a provider is recognised when it is admitted and in good
     * standing at home and not on the YRD negative list; for a category listed here it must also hold one
     * of the named qualifications (e.g. CMA or CNAS for testing), or that category is not recognised.
     */
    interface Recognition {
        Map<String, List<String>> requiredQualifications();
    }
}
