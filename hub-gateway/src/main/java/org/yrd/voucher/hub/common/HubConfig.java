package org.yrd.voucher.hub.common;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "hub")
public interface HubConfig {
    Recognition recognition();

    Quality quality();

    TopicSetup topicSetup();

    Print print();

    /** The annual report's PDF. */
    interface Print {
        /** A TrueType font or collection with Chinese glyphs, embedded in the report (Debian's fonts-wqy-microhei). */
        @io.smallrye.config.WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
        String font();
    }

    /** Whether the hub creates the compacted topics at start; off where Strimzi KafkaTopic resources declare them. */
    interface TopicSetup {
        @io.smallrye.config.WithDefault("true")
        boolean enabled();
    }

    /** P8 the published criteria of the library of high-quality providers (优质服务机构资源库). */
    interface Quality {
        /** paid services, all years */
        @io.smallrye.config.WithDefault("3")
        int minServices();

        @io.smallrye.config.WithDefault("2")
        int minRatings();

        /** 1–5 */
        @io.smallrye.config.WithDefault("4.0")
        java.math.BigDecimal minAverageRating();

        /** at least one service paid to an enterprise of another province (P14) */
        @io.smallrye.config.WithDefault("true")
        boolean crossRegionRequired();
    }

    /**
     * The YRD recognition standard (P5, P8, P14): a provider is recognised when it is admitted and in good
     * standing at home and not on the YRD negative list; for a category listed here it must also hold one
     * of the named qualifications (e.g. CMA or CNAS for testing), or that category is not recognised.
     */
    interface Recognition {
        Map<String, List<String>> requiredQualifications();
    }
}
