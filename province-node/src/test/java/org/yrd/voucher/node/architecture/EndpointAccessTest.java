package org.yrd.voucher.node.architecture;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.yrd.voucher.testkit.EndpointAccessContract;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** The node's OpenAPI walk: each operation admits exactly the roles it declares (testkit EndpointAccessContract). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EndpointAccessTest extends EndpointAccessContract {
    EndpointAccessTest() {
        super("node", "SH", List.of("operator", "finance", "enterprise", "provider", "agent", "applicant"), Map.of());
    }
}
