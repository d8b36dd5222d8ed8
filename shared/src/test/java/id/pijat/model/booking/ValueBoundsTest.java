package id.pijat.model.booking;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.model.geo.Coordinates;
import id.pijat.testing.BookingRequests;
import org.junit.jupiter.api.Test;

/** Each value's limits, on both sides: the last value allowed and the first refused. */
class ValueBoundsTest {
  private static final Coordinates SANUR = new Coordinates(-8.6881, 115.2619);
  private static final NewBooking ASKED = BookingRequests.at(SANUR);

  private static BookingRequest priced(long price) {
    return new BookingRequest(ASKED.customer(), ASKED.duration(), price, ASKED.location(), null);
  }

  @Test
  void aBookingsPriceLiesWithinThePriceListsBoundsInclusive() {
    assertEquals(PriceList.MIN_PRICE, priced(PriceList.MIN_PRICE).price());
    assertEquals(PriceList.MAX_PRICE, priced(PriceList.MAX_PRICE).price());
    assertThrows(IllegalArgumentException.class, () -> priced(PriceList.MIN_PRICE - 1));
    assertThrows(IllegalArgumentException.class, () -> priced(PriceList.MAX_PRICE + 1));
  }

  @Test
  void configuredPricesMayBeTheBoundsThemselves() {
    assertEquals(100_000, PriceList.parse("60=100000").priceOf(ServiceDuration.MINUTES_60));
    assertEquals(2_000_000, PriceList.parse("120=2000000").priceOf(ServiceDuration.MINUTES_120));
    assertThrows(IllegalArgumentException.class, () -> PriceList.parse("60=99999"));
  }

  @Test
  void thePolesAndTheAntimeridianAreValidCoordinatesAndBeyondIsNot() {
    assertDoesNotThrow(() -> new Coordinates(90, 180));
    assertDoesNotThrow(() -> new Coordinates(-90, -180));
    assertThrows(IllegalArgumentException.class, () -> new Coordinates(90.000001, 0));
    assertThrows(IllegalArgumentException.class, () -> new Coordinates(-90.000001, 0));
    assertThrows(IllegalArgumentException.class, () -> new Coordinates(0, 180.000001));
    assertThrows(IllegalArgumentException.class, () -> new Coordinates(0, -180.000001));
    assertThrows(IllegalArgumentException.class, () -> new Coordinates(Double.NaN, 0));
  }

  @Test
  void aDegreeOfLongitudeShrinksWithTheCosineOfLatitude() {
    double atEquator = new Coordinates(0, 10).kilometresTo(new Coordinates(0, 11));
    double atSixty = new Coordinates(60, 10).kilometresTo(new Coordinates(60, 11));

    assertEquals(111.2, atEquator, 0.1);
    assertEquals(atEquator / 2, atSixty, 0.1, "cos 60° is one half");
  }

  @Test
  void aNameIsTwoToAHundredCharactersAfterTrimming() {
    WhatsAppNumber number = ASKED.customer().whatsapp();

    assertEquals("Bo", new CustomerDetails("  Bo ", number).name());
    assertEquals(100, new CustomerDetails("x".repeat(100), number).name().length());
    assertThrows(IllegalArgumentException.class, () -> new CustomerDetails(" B ", number));
    assertThrows(IllegalArgumentException.class, () -> new CustomerDetails("x".repeat(101), number));
  }

  @Test
  void anAddressHoldsNoControlCharacter() {
    assertEquals("Jl. Raya 1, Kuta", new Location(" Jl. Raya 1, Kuta ", SANUR).address());
    IllegalArgumentException tab = assertThrows(IllegalArgumentException.class, () -> new Location("Jl. Raya\t1", SANUR));
    assertEquals("address must not contain control characters", tab.getMessage());
  }

  @Test
  void aTypedNumberMayBeThirtyTwoCharactersLongWithItsSpacesAndDashes() {
    String typed = "0812-3456-7890";

    assertEquals("+6281234567890", WhatsAppNumber.parse(typed + "-".repeat(32 - typed.length())).value());
    assertThrows(IllegalArgumentException.class, () -> WhatsAppNumber.parse(typed + "-".repeat(33 - typed.length())));
  }

  @Test
  void aTokenPrintsRedactedSoLogsNeverCarryIt() {
    assertEquals("BookingToken[redacted]", BookingToken.generate().toString());
  }

  @Test
  void sealingTheSameTokenTwiceUsesAFreshNonceEachTime() {
    BookingToken token = BookingToken.generate();

    String first = TokenSeal.seal(token, "tap-1");
    String second = TokenSeal.seal(token, "tap-1");

    assertNotEquals(first, second, "AES-GCM must never reuse a nonce under one key");
    assertEquals(token, TokenSeal.open(second, "tap-1"));
  }
}
