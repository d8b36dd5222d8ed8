package id.pijat.fairuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairUsePolicyTest {
  @Test
  void variablesOverrideTheDefaults() {
    FairUsePolicy policy = FairUsePolicy.from(Map.of("MAX_OPEN_BOOKINGS", "3", "OFFER_WINDOW_CAP_SECONDS", "120",
        "RATE_CREATES_PER_CUSTOMER", "4/3600", "FAIR_USE", "off"));

    assertEquals(3, policy.maxOpenBookings());
    assertEquals(Duration.ofSeconds(120), policy.offerWindowCap());
    assertEquals(Rate.of(4, Duration.ofHours(1)), policy.rate(Limit.CREATES_PER_CUSTOMER));
    assertEquals(FairUsePolicy.DEFAULT_RATES.get(Limit.ROUNDS_PER_ADDRESS), policy.rate(Limit.ROUNDS_PER_ADDRESS));
    assertFalse(policy.enforced());
  }

  @Test
  void theOfferWindowCapIsAtMostTwoMinutes() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> FairUsePolicy.from(Map.of("OFFER_WINDOW_CAP_SECONDS", "121")));

    assertEquals("OFFER_WINDOW_CAP_SECONDS must be 15 to 120: 121", refused.getMessage());
  }

  @Test
  void aWindowAskedLongerThanTheCapIsCutToIt() {
    assertEquals(Duration.ofSeconds(60), FairUsePolicy.DEFAULT.offerWindow(Duration.ofSeconds(600)));
    assertEquals(Duration.ofSeconds(30), FairUsePolicy.DEFAULT.offerWindow(Duration.ofSeconds(30)));
  }

  @Test
  void aRateIsWrittenCountPerSeconds() {
    assertEquals(Rate.of(6, Duration.ofMinutes(10)), Rate.parse("6/600"));
    assertEquals("a rate is written count/seconds, like 6/600: six", assertThrows(IllegalArgumentException.class, () -> Rate.parse("six")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rate.parse("51/60"));
  }
}
