package id.pijat.matching;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** searchConfig's limits, on both sides: the last value allowed and the first refused. */
class SearchConfigTest {
  private static SearchConfig radius(double km) {
    return new SearchConfig(km, SearchConfig.DEFAULT_OFFER_WINDOW, SearchConfig.MAX_ATTEMPTS, null, null);
  }

  private static SearchConfig window(Duration window) {
    return new SearchConfig(SearchConfig.DEFAULT_RADIUS_KM, window, SearchConfig.MAX_ATTEMPTS, null, null);
  }

  private static SearchConfig attempts(int attempts) {
    return new SearchConfig(SearchConfig.DEFAULT_RADIUS_KM, SearchConfig.DEFAULT_OFFER_WINDOW, attempts, null, null);
  }

  @Test
  void theRadiusIsMoreThanNothingAndAtMostFiftyKilometres() {
    assertDoesNotThrow(() -> radius(0.001));
    assertDoesNotThrow(() -> radius(50));
    assertThrows(IllegalArgumentException.class, () -> radius(0));
    assertThrows(IllegalArgumentException.class, () -> radius(50.001));
  }

  @Test
  void theOfferWindowIsFifteenSecondsToTenMinutes() {
    assertDoesNotThrow(() -> window(Duration.ofSeconds(15)));
    assertDoesNotThrow(() -> window(Duration.ofSeconds(600)));
    assertThrows(IllegalArgumentException.class, () -> window(Duration.ofSeconds(15).minusMillis(1)));
    assertThrows(IllegalArgumentException.class, () -> window(Duration.ofSeconds(600).plusMillis(1)));
  }

  @Test
  void aSearchHasOneToFiveAttempts() {
    assertDoesNotThrow(() -> attempts(1));
    assertDoesNotThrow(() -> attempts(5));
    assertThrows(IllegalArgumentException.class, () -> attempts(0));
    assertThrows(IllegalArgumentException.class, () -> attempts(6));
  }
}
