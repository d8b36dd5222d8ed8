package id.pijat.model.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.geo.Coordinates;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {
  @Test
  void priceListDefaultsAreTheContractsPrices() {
    assertEquals(200_000, PriceList.DEFAULT.priceOf(ServiceDuration.MINUTES_60));
    assertEquals(300_000, PriceList.DEFAULT.priceOf(ServiceDuration.MINUTES_90));
    assertEquals(400_000, PriceList.DEFAULT.priceOf(ServiceDuration.MINUTES_120));
  }

  @Test
  void configuredPricesReplaceDefaultsAndStayWithinBounds() {
    assertEquals(250_000, PriceList.parse("60=250000").priceOf(ServiceDuration.MINUTES_60));
    assertEquals(300_000, PriceList.parse("60=250000").priceOf(ServiceDuration.MINUTES_90));
    IllegalArgumentException tooCheap = assertThrows(IllegalArgumentException.class, () -> PriceList.parse("90=2"));
    assertEquals("price for 90 must be 100000 to 2000000: 2", tooCheap.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PriceList.parse("120=2000001"));
  }

  @Test
  void statusMachineAllowsOnlyTheContractsTransitions() {
    assertEquals(EnumSet.of(BookingStatus.PENDING_ACCEPT, BookingStatus.CANCELLED), BookingStatus.SEARCHING.next());
    assertEquals(EnumSet.of(BookingStatus.SEARCHING, BookingStatus.ACTIVE, BookingStatus.CANCELLED), BookingStatus.PENDING_ACCEPT.next());
    assertEquals(EnumSet.of(BookingStatus.COMPLETED, BookingStatus.CANCELLED), BookingStatus.ACTIVE.next());
    assertTrue(BookingStatus.COMPLETED.next().isEmpty());
    assertTrue(BookingStatus.CANCELLED.next().isEmpty());
    IllegalTransitionException illegal =
        assertThrows(IllegalTransitionException.class, () -> BookingStatus.SEARCHING.requireCanMoveTo(BookingStatus.ACTIVE));
    assertEquals("a searching booking cannot become active", illegal.getMessage());
  }

  @Test
  void bookingTokenIsRandomAndOnlyItsHashMatches() {
    BookingToken first = BookingToken.generate();
    BookingToken second = BookingToken.generate();

    assertNotEquals(first, second);
    assertEquals(43, first.value().length(), "256 bits in URL-safe base64");
    assertTrue(first.matches(first.hash()));
    assertFalse(second.matches(first.hash()));
    assertFalse(first.matches(null));
    assertFalse(first.toString().contains(first.value()));
  }

  @Test
  void distanceIsGreatCircle() {
    Coordinates denpasar = new Coordinates(-8.6705, 115.2126);
    Coordinates jakarta = new Coordinates(-6.2088, 106.8456);

    assertEquals(965, denpasar.kilometresTo(jakarta), 5);
    assertEquals(0, denpasar.kilometresTo(denpasar), 1e-9);
  }

  @Test
  void durationsParseFromTheirCodes() {
    assertEquals(ServiceDuration.MINUTES_90, ServiceDuration.parse("90"));
    assertEquals("must be 60, 90 or 120", assertThrows(IllegalArgumentException.class, () -> ServiceDuration.parse("45")).getMessage());
  }

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(strings = {"\uFF16\uFF10", "+60", "060", " 60", "60 ", " 60\n", "60.0", "6e1", "-60", "\u0666\u0660", ""})
  void aDurationIsOnlyItsCodeSpelledExactly(String text) {
    assertThrows(IllegalArgumentException.class, () -> ServiceDuration.parse(text));
  }
}
