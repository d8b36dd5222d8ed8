package id.pijat.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingRequest;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.BookingToken;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.Location;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.Owner;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.Due;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.store.StoreUnavailableException;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Versions claimed by create-with-ID: the fencing that stands in for transactions. */
class BookingsTest {
  private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Bookings bookings = new Bookings(store, clock);

  private Booking opened() {
    Booking booking = Booking.open("b1", Owner.user("u1"), new BookingRequest(
        new CustomerDetails("Budi", WhatsAppNumber.parse("081234567890")), ServiceDuration.MINUTES_60, 200_000,
        new Location("Jl. Sunset Road 88", new Coordinates(-8.68, 115.17)), null), clock.instant());
    bookings.insert(booking);
    return booking;
  }

  @Test
  void ofTwoChangesFromOneVersionOnlyTheFirstIsKept() {
    Booking v1 = opened();
    Instant now = clock.instant();
    bookings.save(v1, v1.cancel("changed my mind", "user:u1", now));

    assertThrows(ConcurrentChangeException.class,
        () -> bookings.save(v1, v1.keepSearching(v1.search().nextAttempt("s1", now).waitUntil(now), now)));

    assertEquals(BookingStatus.CANCELLED, bookings.find("b1").orElseThrow().status());
  }

  @Test
  void aChangeOfABookingTakenBackAtItsCreationMeanwhileFindsNoBooking() {
    Booking v1 = opened();
    Instant now = clock.instant();
    // read in the moment it stood; then its create took it back as one open booking too many
    bookings.withdraw("b1");

    Rejection gone = assertThrows(Rejection.class, () -> bookings.saveWritingDocumentAtOnce(
        v1, v1.keepSearching(v1.search().nextAttempt("s1", now).waitUntil(now), now), List.of()));

    assertEquals(ErrorCode.BOOKING_NOT_FOUND, gone.code());
  }

  @Test
  void aStaleWriteToTheBookingDocumentIsSeenThroughOnReadAndRepairedWhenListed() {
    Booking v1 = opened();
    Instant now = clock.instant();
    Booking v2 = bookings.save(v1, v1.keepSearching(v1.search().nextAttempt("s1", now).waitUntil(now), now));
    Booking v3 = bookings.save(v2, v2.cancel("changed my mind", "user:u1", now));
    // a slow writer of version 2 lands after version 3
    store.update(Bookings.COLLECTION, "b1", BookingDocuments.toData(v2));

    assertEquals(v3, bookings.find("b1").orElseThrow());
    assertEquals(v3, bookings.current(store.find(Bookings.COLLECTION, "b1").orElseThrow()));
    assertEquals(3L, store.find(Bookings.COLLECTION, "b1").orElseThrow().longValue("version"), "the document is repaired");
  }

  @Test
  void aClaimLostWhileItsDocumentWasWrittenPutsTheDocumentBackToTheVersionThatWon() {
    Booking v1 = opened();
    Instant now = clock.instant();
    bookings.save(v1, v1.cancel("changed my mind", "user:u1", now));

    assertThrows(ConcurrentChangeException.class, () -> bookings.saveWritingDocumentAtOnce(
        v1, v1.keepSearching(v1.search().nextAttempt("s1", now).waitUntil(now), now), List.of()));

    assertEquals("cancelled", store.find(Bookings.COLLECTION, "b1").orElseThrow().string("status"));
  }

  @Test
  void aClaimThatNeverLandedWhileItsDocumentWasWrittenPutsTheDocumentBack() {
    InterceptingStore store = new InterceptingStore(this.store);
    Bookings bookings = new Bookings(store, clock);
    Booking v1 = opened();
    Instant now = clock.instant();
    store.beforeNextCreate(Bookings.CHANGES, (id, data) -> {
      throw new StoreUnavailableException("no connection", null);
    });
    List<String> followedUp = new ArrayList<>();

    assertThrows(StoreUnavailableException.class, () -> bookings.saveWritingDocumentAtOnce(
        v1, v1.keepSearching(v1.search().nextAttempt("s1", now).waitUntil(now), now), List.of(() -> followedUp.add("release"))));

    assertEquals(v1, bookings.find("b1").orElseThrow(), "the first version, kept only in the document, is kept");
    assertEquals(List.of(), followedUp, "follow-ups wait for a won claim");
  }

  @Test
  void aListedDocumentThatShowsAVersionThatLostIsRepaired() {
    Booking v1 = opened();
    Instant now = clock.instant();
    Booking v2 = bookings.save(v1, v1.cancel("changed my mind", "user:u1", now));
    // a lost claim of version 2 wrote its document and died before putting it back
    store.update(Bookings.COLLECTION, "b1",
        BookingDocuments.toData(v1.keepSearching(v1.search().nextAttempt("s1", now).waitUntil(now), now)));

    assertEquals(v2, bookings.current(store.find(Bookings.COLLECTION, "b1").orElseThrow()));
    assertEquals("cancelled", store.find(Bookings.COLLECTION, "b1").orElseThrow().string("status"), "the document is repaired");
  }

  @Test
  void aUsersBookingIsReadableByThemAndAGuestsByNobodyDirectly() {
    InterceptingStore store = new InterceptingStore(new InMemoryDocumentStore());
    Bookings bookings = new Bookings(store, java.time.Clock.systemUTC());
    Instant now = Instant.parse("2026-11-23T03:00:00Z");
    NewBooking asked = BookingRequests.at(new Coordinates(-8.67, 115.21));
    BookingRequest request = new BookingRequest(asked.customer(), asked.duration(), 200_000, asked.location(), null);
    Booking users = Booking.open("b1", Owner.user("budi"), request, now);
    Booking guests = Booking.open("b2", Owner.guest(BookingToken.generate()), request, now);

    bookings.insert(users);
    bookings.insert(guests);
    bookings.save(users, users.cancel("plans changed", "user:budi", now));

    assertEquals(Set.of("budi"), store.readersOf(Bookings.COLLECTION, "b1"));
    assertEquals(Set.of("budi"), store.readersOf(Bookings.CHANGES, Bookings.changeId("b1", 2)));
    assertEquals(Set.of(), store.readersOf(Bookings.COLLECTION, "b2"));
  }

  /** A booking opened under this number by the signed-in user, or by a guest when userId is null. */
  private Booking openedAs(String id, String userId, String whatsapp) {
    Owner owner = userId == null ? Owner.guest(BookingToken.generate()) : Owner.user(userId);
    Booking booking = Booking.open(id, owner, new BookingRequest(
        new CustomerDetails("Budi", WhatsAppNumber.parse(whatsapp)), ServiceDuration.MINUTES_60, 200_000,
        new Location("Jl. Sunset Road 88", new Coordinates(-8.68, 115.17)), null), clock.instant());
    bookings.insert(booking);
    return booking;
  }

  @Test
  void aSignedInCustomersOpenBookingsAreTheUsersWhateverNumbersTheyTypedInOneList() {
    InterceptingStore counted = new InterceptingStore(store);
    Bookings counting = new Bookings(counted, clock);
    openedAs("b1", "u1", "081234567890");
    openedAs("b2", "u1", "081111111111");
    Booking done = openedAs("b3", "u1", "081111111111");
    bookings.save(done, done.cancel("changed my mind", "user:u1", clock.instant()));
    openedAs("b4", null, "081111111111");
    openedAs("b5", "u2", "081111111111");

    int listsBefore = counted.lists(Bookings.COLLECTION);
    assertEquals(2, counting.openOf("u1", WhatsAppNumber.parse("081111111111"), 5), "two open (the third cancelled), the guest's and u2's under the number not theirs");
    assertEquals(1, counted.lists(Bookings.COLLECTION) - listsBefore);
    assertEquals(1, counting.openOf("u1", WhatsAppNumber.parse("081111111111"), 1), "counted up to the most asked");
  }

  @Test
  void aGuestsOpenBookingsAreTheGuestBookingsUnderTheirNumberNotAStrangersWhoTypedIt() {
    openedAs("b1", null, "081111111111");
    openedAs("b2", null, "081111111111");
    openedAs("b3", "stranger", "081111111111");
    openedAs("b4", "stranger-2", "081111111111");
    openedAs("b5", null, "081234567890");

    assertEquals(2, bookings.openOf(null, WhatsAppNumber.parse("081111111111"), 5), "the signed-in strangers' two under the number are theirs");
    assertEquals(1, bookings.openOf(null, WhatsAppNumber.parse("081111111111"), 1));
    assertEquals(0, bookings.openOf(null, WhatsAppNumber.parse("081299999999"), 5));
  }

  @Test
  void insertingABookingThatIsThereAlreadyAnswersFalse() {
    Booking first = opened();

    assertFalse(bookings.insert(first));
  }

  @Test
  void readingInOneRoundSeesTheNewestVersionThroughALaggingDocument() {
    Booking v1 = opened();
    Instant now = clock.instant();
    Booking v2 = bookings.save(v1, v1.cancel("changed my mind", "user:u1", now));
    store.update(Bookings.COLLECTION, "b1", BookingDocuments.toData(v1));

    assertEquals(v2, bookings.findOwnedInOneRound("b1", Caller.user("u1")));
  }

  @Test
  void aCancelledBookingIsDueToSettleAndToCompactAndACompletedOneOnlyToCompactUntilCleanupSaysDone() {
    Booking cancelled = opened();
    bookings.save(cancelled, cancelled.cancel("changed my mind", "user:u1", clock.instant()));
    Instant later = clock.instant().plus(Duration.ofHours(2));

    assertEquals(List.of("b1"), ids(Bookings.toSettle(later)));
    assertEquals(List.of("b1"), ids(Bookings.toCompact(later)));
    bookings.settled("b1");
    bookings.compacted("b1");
    assertEquals(List.of(), ids(Bookings.toSettle(later)));
    assertEquals(List.of(), ids(Bookings.toCompact(later)));
  }

  @Test
  void anActiveBookingIsDueForNeither() {
    Booking searching = opened();
    Instant now = clock.instant();
    bookings.save(searching, searching.keepSearching(searching.search().nextAttempt("s1", now).waitUntil(now), now));
    Instant later = now.plus(Duration.ofHours(2));

    assertEquals(List.of(), ids(Bookings.toSettle(later)));
    assertEquals(List.of(), ids(Bookings.toCompact(later)));
  }

  private List<String> ids(Due due) {
    List<Query> queries = new java.util.ArrayList<>(due.filters());
    queries.add(Query.limit(100));
    return store.list(due.collection(), queries).stream().map(Document::id).toList();
  }
}
