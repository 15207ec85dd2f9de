package org.yrd.voucher.node.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the node's paged lists as a client would: page after page until a short one. */
public final class Pages {
    private Pages() {}

    /**
     * Every row of a paged list, {@code limit} at a time. Checks what a client relies on: no page is longer
     * than asked, no row comes twice, and the rows come in the order of {@code timeField}, oldest first.
     */
    public static List<Map<String, Object>> all(String path, int limit, String timeField) {
        String sep = path.contains("?") ? "&" : "?";
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += limit) {
            List<Map<String, Object>> page = given().get(path + sep + "limit=" + limit + "&offset=" + offset)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(page).hasSizeLessThanOrEqualTo(limit);
            rows.addAll(page);
            if (page.size() < limit) {
                break;
            }
        }
        assertThat(rows.stream().map(r -> r.get("id") != null ? r.get("id") : r.get("uscc")).toList())
                .doesNotHaveDuplicates();
        assertThat(rows.stream().map(r -> OffsetDateTime.parse((String) r.get(timeField)).toInstant()).toList())
                .isSorted();
        return rows;
    }

    public static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("id")).toList();
    }

    /** A limit or offset out of range, or not a number, is a 400 problem naming the parameter. */
    public static void refusesBadPaging(String path) {
        String sep = path.contains("?") ? "&" : "?";
        for (String bad : List.of("limit=0", "limit=501", "limit=ten", "offset=-1")) {
            given().get(path + sep + bad).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(bad.substring(0, bad.indexOf('='))));
        }
    }
}
