package io.synthbeam.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.privacy.accounting.DpConversion;
import io.synthbeam.privacy.accounting.RdpAccountant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpSpendTest {
  private static final double Q = 256.0 / 60_000;

  @Test
  void fromAnAccountantCarriesItsParametersAndEpsilon() {
    RdpAccountant accountant = RdpAccountant.create().compose(Q, 1.1, 14_063);
    DpSpend spend = DpSpend.of(accountant, 1e-5, 1.0);
    assertEquals(accountant.epsilon(1e-5).epsilon(), spend.epsilon());
    assertEquals(accountant.epsilon(1e-5).order(), spend.optimalOrder());
    assertEquals(1.1, spend.noiseMultiplier());
    assertEquals(Q, spend.samplingRate());
    assertEquals(14_063, spend.steps());
    assertEquals(1.0, spend.clipNorm());
    assertEquals(DpConversion.IMPROVED, spend.conversion());
    assertEquals(accountant.orders().length, spend.orders().size());
    assertTrue(spend.summary().startsWith("(ε = 2.6"), spend.summary());
  }

  @Test
  void roundTripsThroughJsonAsAPlainObject() throws Exception {
    DpSpend spend = DpSpend.of(RdpAccountant.create().compose(0.01, 1.0, 300), 1e-5, 0.5);
    ObjectMapper mapper = new ObjectMapper();
    String json = mapper.writeValueAsString(spend);
    JsonNode tree = mapper.readTree(json);
    List<String> fields = new ArrayList<>();
    tree.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("epsilon", "delta", "noiseMultiplier", "clipNorm", "samplingRate",
        "steps", "accountant", "conversion", "optimalOrder", "orders"), fields);
    assertEquals("IMPROVED", tree.get("conversion").asText());
    assertEquals(spend, mapper.readValue(json, DpSpend.class));
  }

  @Test
  void mixedRunsMustBeRecordedExplicitly() {
    RdpAccountant mixed = RdpAccountant.create().compose(Q, 1.1, 10).compose(Q, 2.0, 10);
    assertThrows(IllegalArgumentException.class, () -> DpSpend.of(mixed, 1e-5, 1.0));
    assertThrows(IllegalArgumentException.class,
        () -> DpSpend.of(RdpAccountant.create(), 1e-5, 1.0));
  }

  @Test
  void invalidFieldsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DpSpend(1.0, 1e-5, 1.0, -1.0, Q, 10, DpSpend.RDP_SAMPLED_GAUSSIAN,
            DpConversion.IMPROVED, 8.0, List.of(8.0)));
    assertTrue(e.getMessage().contains("clipNorm"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new DpSpend(Double.POSITIVE_INFINITY, 1e-5, 1.0, 1.0, Q, 10,
            DpSpend.RDP_SAMPLED_GAUSSIAN, DpConversion.IMPROVED, 8.0, List.of(8.0)));
    assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new DpSpend(1.0, 1.5, 1.0, 1.0, Q, 10, DpSpend.RDP_SAMPLED_GAUSSIAN,
            DpConversion.IMPROVED, 8.0, List.of(8.0)));
    assertTrue(e.getMessage().contains("delta"), e.getMessage());
  }
}
