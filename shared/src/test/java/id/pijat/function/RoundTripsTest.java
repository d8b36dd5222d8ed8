package id.pijat.function;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.booking.Booking;
import id.pijat.booking.Caller;
import id.pijat.booking.Coordinates;
import id.pijat.matching.SearchConfig;
import id.pijat.store.CountingStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests each function makes and how many of them wait for the one before (rounds): at a
 * 10 ms round trip, rounds times 10 ms is most of a call's time. Counted, never timed.
 */
class RoundTripsTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final CountingStore store = new CountingStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()), store.fanout());

  @BeforeEach
  void twoTherapistsNearby() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
  }

  private record Cost(int requests, int rounds) {}

  private Cost cost(Runnable call) {
    store.reset();
    call.run();
    System.out.println(store.log());
    return new Cost(store.requests(), store.rounds());
  }

  private Booking book() {
    return backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
  }

  private void search(Booking booking, String searchId, boolean decline) {
    backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, searchId, decline);
  }

  private String searchIdOf(Booking booking) {
    return backend.bookings().find(booking.id()).orElseThrow().search().searchId();
  }

  @Test
  void printsTheCosts() {
    System.out.println("create " + cost(this::book));
    System.out.println("create with key " + cost(() -> backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), "k1")));
    Booking booking = book();
    System.out.println("search " + cost(() -> search(booking, null, false)));
    clock.advance(Duration.ofSeconds(5));
    String searchId = searchIdOf(booking);
    System.out.println("poll " + cost(() -> search(booking, searchId, false)));
    System.out.println("decline " + cost(() -> search(booking, searchId, true)));
    System.out.println("accept " + cost(() -> backend.acceptTherapist().accept(BUDI, booking.id(), "made")));
    System.out.println("cancel " + cost(() -> backend.cancelBooking().cancel(BUDI, booking.id(), null)));
    assertEquals(1, 1);
  }
}
