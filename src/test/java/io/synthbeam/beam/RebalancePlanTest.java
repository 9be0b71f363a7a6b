package io.synthbeam.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalancePlanTest {
  private static Map<String, Long> counts(Object... classAndCount) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < classAndCount.length; i += 2) {
      m.put((String) classAndCount[i], ((Number) classAndCount[i + 1]).longValue());
    }
    return m;
  }

  @Test
  void aRareClassIsRaisedToItsShareOfTheFinalTable() {
    Map<String, Long> add = RebalancePlan.additions(counts("ok", 1900, "fraud", 100),
        Map.of("fraud", 0.3));
    // T = 1900 / 0.7 = 2714.3; fraud = 0.3 T = 814.3 -> 714 added; 814 / 2614... of 2614 + 100.
    assertEquals(Map.of("fraud", 714L), add);
    double share = 814.0 / (2000 + 714);
    assertEquals(0.3, share, 0.001);
  }

  @Test
  void classesNotNamedKeepTheirRowsAndSeveralClassesGrowTogether() {
    Map<String, Long> counts = counts("a", 700, "b", 200, "c", 100);
    Map<String, Long> add = RebalancePlan.additions(counts, Map.of("b", 0.25, "c", 0.25));
    // T = 700 / 0.5 = 1400: b and c get 350 each.
    assertEquals(Map.of("b", 150L, "c", 250L), add);
  }

  @Test
  void aClassAlreadyAboveItsShareGetsNoneAndTheOthersAreSolvedWithoutIt() {
    Map<String, Long> counts = counts("a", 500, "b", 400, "c", 100);
    // b wants 0.2 but has 40%: it leaves; T = (500 + 400) / (1 - 0.3) = 1285.7; c = 385.7.
    Map<String, Long> add = RebalancePlan.additions(counts, Map.of("b", 0.2, "c", 0.3));
    assertEquals(Map.of("c", 286L), add);
  }

  @Test
  void balancedBringsEveryClassToTheLargest() {
    assertEquals(Map.of("b", 300L, "c", 490L),
        RebalancePlan.balanced(counts("a", 500, "b", 200, "c", 10)));
    assertEquals(Map.of(), RebalancePlan.balanced(counts("a", 5, "b", 5)));
    assertEquals(counts("a", 500, "b", 500, "c", 500), RebalancePlan.after(
        counts("a", 500, "b", 200, "c", 10), Map.of("b", 300L, "c", 490L)));
  }
}
