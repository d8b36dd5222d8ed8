package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.availability.ProviderAvailability;
import id.pijat.booking.BookingIds;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.chat.Chats;
import id.pijat.error.RateLimited;
import id.pijat.error.Rejection;
import id.pijat.fairuse.CustomerLimits;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.matching.TherapistSearch;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.PriceList;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Fanout;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call that finds a step half done finishes it: a cancel of a cancelled booking lets go of what
 * an earlier cancel left, a cancel that loses to another cancel still lets go, an accept of an
 * accepted booking opens the chat a dead accept did not. And each round or create asks fair use.
 */
class RetriesFinishTheJobTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller SITI = Caller.user("siti");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")), Fanout.SEQUENTIAL);

  @BeforeEach
  void twoTherapistsNearby() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
  }

  private Booking book(Caller caller) {
    return backend.createBooking().create(caller, BookingRequests.at(SEMINYAK), null).booking();
  }

  private Booking activeWithAyu(Caller caller) {
    Booking booking = book(caller);
    backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, false);
    return backend.acceptTherapist().accept(caller, booking.id(), "ayu");
  }

  private String roomStatus(Booking booking) {
    return data.find(Chats.ROOMS, booking.chat().chatRoomId()).orElseThrow().string("status");
  }

  private String offeredTo(Caller caller) {
    Booking other = book(caller);
    return backend.searchTherapists().search(caller, other.id(), SearchConfig.DEFAULT, null, false).booking().therapistId();
  }

  @Test
  void cancellingACancelledBookingLetsGoOfWhatTheCancelThatDiedLeft() {
    Booking active = activeWithAyu(BUDI);
    backend.bookings().save(active, active.cancel("plans changed", "user:budi", clock.instant()));

    Booking again = backend.cancelBooking().cancel(BUDI, active.id(), null);

    assertEquals("plans changed", again.cancellation().reason(), "the first cancel's reason stands");
    assertEquals("closed", roomStatus(active));
    assertEquals("ayu", offeredTo(SITI), "ayu is free again");
  }

  @Test
  void aCancelThatLosesToAnotherCancelStillLetsGo() {
    Booking active = activeWithAyu(BUDI);
    store.beforeNextCreate(
        id.pijat.booking.Bookings.CHANGES,
        (id, document) -> new Backend(data, clock, Settings.from(Map.of("FAIR_USE", "off")), Fanout.SEQUENTIAL)
            .bookings().save(active, active.cancel("the other tab", "user:budi", clock.instant())));

    Booking cancelled = backend.cancelBooking().cancel(BUDI, active.id(), null);

    assertEquals("the other tab", cancelled.cancellation().reason());
    assertEquals("closed", roomStatus(active));
    assertEquals("ayu", offeredTo(SITI));
  }

  @Test
  void acceptingAnAcceptedBookingOpensTheChatTheFirstAcceptDidNotOpen() {
    Booking active = activeWithAyu(BUDI);
    data.delete(Chats.ROOMS, active.chat().chatRoomId());

    Booking again = backend.acceptTherapist().accept(BUDI, active.id(), "ayu");

    assertEquals(BookingStatus.ACTIVE, again.status());
    assertEquals("active", roomStatus(active));
  }

  @Test
  void checkingAnOpenOfferAnswersTheBookingAsStored() {
    Booking booking = book(BUDI);
    Booking offered = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();

    CheckSearchStatus.Status status = backend.checkSearchStatus().check(BUDI, booking.id());

    assertEquals(offered, status.booking());
    assertTrue(status.offerOpen());
  }

  /** What the use cases asked fair use, in order. */
  private static class Recorded implements CustomerLimits {
    final List<String> asked = new ArrayList<>();

    @Override
    public void beforeCreate(Caller caller, NewBooking request, Instant now) {
      asked.add("create");
    }

    @Override
    public void afterCreate(Caller caller, Booking booking) {
      asked.add("created");
    }

    @Override
    public RoundCount countRound(Caller caller, Booking booking, boolean passesOver, Instant now) {
      asked.add(passesOver ? "round passing over " + booking.therapistId() : "round");
      return RoundCount.FREE;
    }

    @Override
    public Duration offerWindow(Duration asked) {
      return asked;
    }
  }

  @Test
  void everyCreateAndEveryRoundThatMayHoldATherapistAsksFairUseAndAPollOrASpentSearchDoesNot() {
    Recorded limits = new Recorded();
    CreateBooking create = new CreateBooking(
        backend.bookings(), new IdempotencyRecords(store), PriceList.DEFAULT, limits, clock);
    SearchTherapists search = new SearchTherapists(
        backend.bookings(), new TherapistSearch(backend.therapists()), new ProviderAvailability(store), backend.locks(),
        backend.settings().policy(), limits, clock, Fanout.SEQUENTIAL, BookingIds.PLAIN);
    SearchConfig twoAttempts = new SearchConfig(SearchConfig.DEFAULT_RADIUS_KM, SearchConfig.DEFAULT_OFFER_WINDOW, 2, null, null);

    Booking booking = create.create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
    search.search(BUDI, booking.id(), twoAttempts, "s1", false);
    search.search(BUDI, booking.id(), twoAttempts, "s1", false);
    search.search(BUDI, booking.id(), twoAttempts, null, true);
    assertThrows(Rejection.class, () -> search.search(BUDI, booking.id(), twoAttempts, null, true));

    assertEquals(List.of("create", "created", "round", "round passing over ayu"), limits.asked);
  }

  @Test
  void aRoundThatRacingRoundsPushedOverTheRateGivesBackTheTherapistItHeldAndStaysSearching() {
    CustomerLimits lastPlaceTaken = new Recorded() {
      @Override
      public RoundCount countRound(Caller caller, Booking booking, boolean passesOver, Instant now) {
        return new RoundCount() {
          @Override
          public void check() {}

          @Override
          public void take() {
            throw new RateLimited("search rounds", now.plusSeconds(60), now);
          }
        };
      }
    };
    SearchTherapists search = new SearchTherapists(
        backend.bookings(), new TherapistSearch(backend.therapists()), new ProviderAvailability(store), backend.locks(),
        backend.settings().policy(), lastPlaceTaken, clock, Fanout.SEQUENTIAL, BookingIds.PLAIN);
    Booking booking = book(BUDI);

    assertThrows(RateLimited.class, () -> search.search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false));

    assertEquals(BookingStatus.SEARCHING, backend.bookings().find(booking.id()).orElseThrow().status());
    assertEquals("ayu", offeredTo(SITI));
  }
}
