package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.pijat.booking.Bookings;
import id.pijat.chat.Chats;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.DocumentIds;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.usecase.cleanup.Budget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document permissions of a booking after each step (README, "Who reads what"): the customer
 * reads their own; the engaged therapist reads the booking while it is active and its chat from
 * acceptance on; the customer's WhatsApp number leaves everything the therapist reads when it ends.
 */
class WhoReadsWhatTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");
  private static final String AYU_USER = "therapist-ayu";
  private static final String MADE_USER = "therapist-made";

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));

  @BeforeEach
  void ayuNearestAndMadeFartherEachSignedIn() {
    TherapistFixtures therapists = new TherapistFixtures(store);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
    TherapistFixtures.belongsTo(store, "ayu", AYU_USER);
    TherapistFixtures.belongsTo(store, "made", MADE_USER);
  }

  private Booking offered(Caller caller) {
    Booking booking = backend.createBooking().create(caller, BookingRequests.at(SEMINYAK), null).booking();
    return backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, false).booking();
  }

  private Booking accepted(Caller caller) {
    Booking offer = offered(caller);
    return backend.acceptTherapist().accept(caller, offer.id(), offer.therapistId());
  }

  private Set<String> bookingReaders(Booking booking) {
    return store.readers(Bookings.COLLECTION, booking.id());
  }

  private Set<String> readersOfEveryVersion(Booking booking) {
    List<Document> versions = store.list(Bookings.CHANGES, List.of(Query.equal("bookingId", booking.id())));
    return versions.stream()
        .map(version -> store.readers(Bookings.CHANGES, version.id()))
        .reduce((a, b) -> a.equals(b) ? a : Set.of("versions differ: " + a + " " + b))
        .orElseThrow();
  }

  private Document session(Booking booking) {
    return store.find(Chats.SESSIONS, booking.chat().chatSessionId()).orElseThrow();
  }

  @Test
  void untilAcceptanceOnlyTheCustomerReadsTheBooking() {
    Booking offer = offered(BUDI);

    assertEquals("ayu", offer.therapistId());
    assertEquals(Set.of("budi"), bookingReaders(offer));
    assertEquals(Set.of("budi"), readersOfEveryVersion(offer));
  }

  @Test
  void fromAcceptanceTheEngagedTherapistReadsTheBookingItsRoomItsMessagesAndTheSession() {
    Booking active = accepted(BUDI);

    Set<String> both = Set.of("budi", AYU_USER);
    assertEquals(both, bookingReaders(active));
    assertEquals(both, store.readers(Chats.ROOMS, active.chat().chatRoomId()));
    assertEquals(both, store.readers(Chats.SESSIONS, active.chat().chatSessionId()));
    assertEquals(both, store.readers(Chats.MESSAGES, DocumentIds.derived("msg-confirmed-", active.id())));
    assertEquals("+6281234567890", session(active).string("customerWhatsApp"));
  }

  private Booking acceptedFor(Caller caller, Instant scheduledAt) {
    Booking booking = backend.createBooking().create(caller, BookingRequests.at(SEMINYAK, scheduledAt), null).booking();
    Booking offer = backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    return backend.acceptTherapist().accept(caller, offer.id(), offer.therapistId());
  }

  @Test
  void whenThePairsLaterBookingEndsFirstTheSessionServesTheirEarlierOneStillActive() {
    // tonight and tomorrow with Ayu: one session for the pair, which tomorrow's acceptance took over
    Booking tonight = acceptedFor(BUDI, clock.instant().plus(Duration.ofHours(3)));
    clock.advance(Duration.ofMinutes(2));
    Booking tomorrow = acceptedFor(BUDI, clock.instant().plus(Duration.ofDays(1)));
    assertEquals(List.of("ayu", "ayu"), List.of(tonight.therapistId(), tomorrow.therapistId()));
    assertEquals(tonight.chat().chatSessionId(), tomorrow.chat().chatSessionId());
    assertEquals(tomorrow.id(), session(tonight).string("bookingId"));

    backend.cancelBooking().cancel(BUDI, tomorrow.id(), "plans changed");

    Document session = session(tonight);
    assertEquals(tonight.id(), session.string("bookingId"), "tonight's booking is still on");
    assertEquals(tonight.chat().chatRoomId(), session.string("chatRoomId"));
    assertEquals(true, session.bool("isActive"));
    assertEquals("+6281234567890", session.string("customerWhatsApp"), "while tonight's booking is active");

    backend.cancelBooking().cancel(BUDI, tonight.id(), null);

    assertNull(session(tonight).string("customerWhatsApp"));
    assertEquals(false, session(tonight).bool("isActive"));
  }

  @Test
  void theVersionsWhichKeepTheNumberForGoodStayTheCustomers() {
    Booking active = accepted(BUDI);

    assertEquals(Set.of("budi"), readersOfEveryVersion(active));
  }

  @Test
  void aCancellationWithdrawsTheBookingAndErasesTheNumberFromTheSessionButLeavesTheChatReadable() {
    Booking active = accepted(BUDI);

    backend.cancelBooking().cancel(BUDI, active.id(), "plans changed");

    Set<String> both = Set.of("budi", AYU_USER);
    assertEquals(Set.of("budi"), bookingReaders(active));
    assertNull(session(active).string("customerWhatsApp"));
    assertEquals(both, store.readers(Chats.ROOMS, active.chat().chatRoomId()));
    assertEquals(both, store.readers(Chats.MESSAGES, DocumentIds.derived("msg-closed-", active.id())));
  }

  @Test
  void aCompletionByCleanupWithdrawsTheBookingAndErasesTheNumberFromTheSession() {
    Booking active = accepted(BUDI);
    clock.advance(Duration.ofHours(8));

    backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), clock));

    assertEquals(Set.of("budi"), bookingReaders(active));
    assertNull(session(active).string("customerWhatsApp"));
    assertEquals(Set.of("budi", AYU_USER), store.readers(Chats.ROOMS, active.chat().chatRoomId()));
  }

  @Test
  void aTherapistOfferedAndPassedOverNeverReads() {
    Booking first = offered(BUDI);
    Booking next = backend.searchTherapists().search(BUDI, first.id(), SearchConfig.DEFAULT, null, true).booking();
    Booking active = backend.acceptTherapist().accept(BUDI, next.id(), next.therapistId());

    assertEquals("made", active.therapistId());
    Set<String> withMade = Set.of("budi", MADE_USER);
    assertEquals(withMade, bookingReaders(active));
    assertEquals(withMade, store.readers(Chats.ROOMS, active.chat().chatRoomId()));
    assertEquals(withMade, store.readers(Chats.SESSIONS, active.chat().chatSessionId()));
  }

  @Test
  void aGuestsBookingIsReadDirectlyByTheEngagedTherapistAloneTheGuestReadsThroughTheFunctions() {
    CreateBooking.Created created = backend.createBooking().create(Caller.guest(null), BookingRequests.at(SEMINYAK), null);
    Booking booking = created.booking();
    Caller guest = Caller.guest(created.token());
    assertEquals(Set.of(), bookingReaders(booking));

    Booking offer = backend.searchTherapists().search(guest, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    Booking active = backend.acceptTherapist().accept(guest, offer.id(), offer.therapistId());

    assertEquals(Set.of(AYU_USER), bookingReaders(active));
    assertEquals(Set.of(AYU_USER), store.readers(Chats.ROOMS, active.chat().chatRoomId()));
  }
}
