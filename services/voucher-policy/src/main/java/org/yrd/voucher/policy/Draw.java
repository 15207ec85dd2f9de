package org.yrd.voucher.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * P6 fair allocation of an oversubscribed window (docs/policy-rules.md, "Draws"). The seed is published before the
 * window opens; when it closes, anyone holding the seed and the published list can recompute the result:
 * <ol>
 *   <li>each application's ticket is the SHA-256 of {@code seed + ":" + applicationId} (UTF-8), in lower-case hex;</li>
 *   <li>applications are taken in ascending order of ticket (then of id);</li>
 *   <li>an application is successful when its amount fits in what is left of every budget it draws from (the
 *       province's, {@code ""}, and its city and district pools, P10), which it then takes; otherwise it is not,
 *       and the walk goes on, so a smaller later application may still fit.</li>
 * </ol>
 */
public final class Draw {
    private Draw() {}

    /** The province's own budget in {@code budgetsFen}. */
    public static final String PROVINCE = "";

    /** One application in the draw: its id, the amount asked and the pools (besides the province) it draws from. */
    public record Entry(String applicationId, long amountFen, List<String> pools) {
        public Entry {
            pools = pools == null ? List.of() : List.copyOf(pools);
        }
    }

    /** {@code order}: every application id in the order drawn; {@code successful}: those allocated. */
    public record Result(List<String> order, Set<String> successful) {}

    public static String ticket(String seed, String applicationId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + applicationId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param budgetsFen what is left to allocate per budget: {@link #PROVINCE} and each pool code */
    public static Result allocate(String seed, List<Entry> entries, Map<String, Long> budgetsFen) {
        List<Entry> drawn = new ArrayList<>(entries);
        drawn.sort(Comparator.comparing((Entry e) -> ticket(seed, e.applicationId())).thenComparing(Entry::applicationId));
        Map<String, Long> left = new HashMap<>(budgetsFen);
        List<String> order = new ArrayList<>();
        Set<String> successful = new LinkedHashSet<>();
        for (Entry e : drawn) {
            order.add(e.applicationId());
            List<String> from = new ArrayList<>(e.pools());
            from.add(PROVINCE);
            if (e.amountFen() > 0 && from.stream().allMatch(p -> left.getOrDefault(p, 0L) >= e.amountFen())) {
                from.forEach(p -> left.merge(p, -e.amountFen(), Long::sum));
                successful.add(e.applicationId());
            }
        }
        return new Result(order, successful);
    }
}
