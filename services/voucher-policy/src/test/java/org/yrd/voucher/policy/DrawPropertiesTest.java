package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.yrd.voucher.policy.Draw.Entry;

/** P6, P10: the draw of an oversubscribed window, over generated applications, pools and budgets. */
class DrawPropertiesTest {
    private static final List<String> POOLS = List.of("3401", "340104", "3402");

    @Property
    void noBudgetOrPoolIsEverOverAllocated(@ForAll("entries") List<Entry> entries, @ForAll("budgets") Map<String, Long> budgets,
                                          @ForAll String seed) {
        var r = Draw.allocate(seed, entries, budgets);
        Map<String, Long> taken = new HashMap<>();
        entries.stream().filter(e -> r.successful().contains(e.applicationId())).forEach(e -> {
            taken.merge(Draw.PROVINCE, e.amountFen(), Long::sum);
            e.pools().forEach(p -> taken.merge(p, e.amountFen(), Long::sum));
        });
        taken.forEach((budget, fen) -> assertThat(fen).as(budget).isLessThanOrEqualTo(budgets.getOrDefault(budget, 0L)));
    }

    @Property
    void everyRefusedApplicationDidNotFitWhenItsTurnCame(@ForAll("entries") List<Entry> entries,
                                                         @ForAll("budgets") Map<String, Long> budgets, @ForAll String seed) {
        var r = Draw.allocate(seed, entries, budgets);
        Map<String, Entry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.applicationId(), e));
        Map<String, Long> left = new HashMap<>(budgets);
        for (String id : r.order()) {
            Entry e = byId.get(id);
            List<String> drawsOn = new ArrayList<>(e.pools());
            drawsOn.add(Draw.PROVINCE);
            boolean fits = drawsOn.stream().allMatch(b -> left.getOrDefault(b, 0L) >= e.amountFen());
            assertThat(r.successful().contains(id)).as(id).isEqualTo(fits);
            if (fits) {
                drawsOn.forEach(b -> left.merge(b, -e.amountFen(), Long::sum));
            }
        }
    }

    @Property
    void theOrderDependsOnTheSeedAndTheListNotOnArrival(@ForAll("entries") List<Entry> entries,
                                                         @ForAll("budgets") Map<String, Long> budgets, @ForAll String seed) {
        List<Entry> shuffled = new ArrayList<>(entries);
        Collections.reverse(shuffled);
        assertThat(Draw.allocate(seed, shuffled, budgets)).isEqualTo(Draw.allocate(seed, entries, budgets));
        assertThat(Draw.allocate(seed, entries, budgets).order()).containsExactlyInAnyOrderElementsOf(
                entries.stream().map(Entry::applicationId).toList());
    }

    @Property
    void withEqualAsksTheDrawGrantsAsManyAsTheBudgetHolds(@ForAll("equalAsks") List<Entry> entries,
                                                         @ForAll @LongRange(min = 0, max = 5_000) long budget,
                                                         @ForAll String seed) {
        long ask = entries.get(0).amountFen();
        var r = Draw.allocate(seed, entries, Map.of(Draw.PROVINCE, budget));
        assertThat(r.successful()).hasSize((int) Math.min(entries.size(), budget / ask));
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<Entry> entry = Combinators.combine(Arbitraries.longs().between(1, 2_000),
                Arbitraries.of(POOLS).list().uniqueElements().ofMaxSize(2)).as((fen, pools) -> new Entry(null, fen, pools));
        return entry.list().ofMinSize(1).ofMaxSize(12).map(DrawPropertiesTest::numbered);
    }

    @Provide
    Arbitrary<List<Entry>> equalAsks() {
        return Combinators.combine(Arbitraries.longs().between(1, 1_000), Arbitraries.integers().between(1, 12))
                .as((fen, n) -> numbered(Collections.nCopies(n, new Entry(null, fen, List.of()))));
    }

    @Provide
    Arbitrary<Map<String, Long>> budgets() {
        return Combinators.combine(Arbitraries.longs().between(0, 10_000), Arbitraries.longs().between(0, 5_000).list()
                .ofSize(POOLS.size())).as((province, pools) -> {
                    Map<String, Long> m = new HashMap<>();
                    m.put(Draw.PROVINCE, province);
                    for (int i = 0; i < POOLS.size(); i++) {
                        m.put(POOLS.get(i), pools.get(i));
                    }
                    return m;
                });
    }

    private static List<Entry> numbered(List<Entry> entries) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(new Entry("app-" + i, entries.get(i).amountFen(), entries.get(i).pools()));
        }
        return out;
    }
}
