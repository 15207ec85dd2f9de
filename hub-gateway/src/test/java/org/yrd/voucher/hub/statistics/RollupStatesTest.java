package org.yrd.voucher.hub.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.States;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/**
 * The rollup triggers and views count a redemption's amount as held or paid by the states {@link States} defines (the
 * node's voucher holds the amount in exactly those). Read from the database as migrated, so that a migration that
 * rewrites a trigger with another list fails here.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RollupStatesTest {
    private static final Pattern STATE_LIST = Pattern.compile("status\\s+IN\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE_STATE = Pattern.compile("status\\s*=\\s*'([A-Z_]+)'", Pattern.CASE_INSENSITIVE);

    @Inject
    EntityManager em;

    @Test
    void everyRollupCountsTheStatesTheFederationDefines() {
        List<String> sources = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                SELECT p.proname || ': ' || p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = current_schema() AND p.prosrc ~* 'status'
                """).getResultList()) {
            sources.add((String) o);
        }
        assertThat(sources).as("the rollups that read a redemption's state").isNotEmpty();
        int lists = 0;
        for (String source : sources) {
            Matcher m = STATE_LIST.matcher(source);
            while (m.find()) {
                List<String> states = List.of(m.group(1).replaceAll("['\\s]", "").split(","));
                assertThat(states).as(source.substring(0, source.indexOf(':'))).isIn(States.HOLDING, States.LIVE,
                        States.REQUEST_LIVE);
                lists++;
            }
            Matcher one = ONE_STATE.matcher(source);
            while (one.find()) {
                assertThat(one.group(1)).as(source.substring(0, source.indexOf(':'))).isIn(States.PAID, States.REJECTED,
                        States.DISPUTED, States.EXPIRED, States.FILED, States.PROVIDER_CONFIRMED, States.APPROVED);
            }
        }
        assertThat(lists).as("state lists found in the rollups").isPositive();
    }
}
