package id.pijat.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.fairuse.CustomerLimits;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingMode;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.Location;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.PriceList;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.store.StoreRejectedException;
import id.pijat.store.StoreUnavailableException;
import id.pijat.testing.MutableClock;
import id.pijat.testing.NoLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CreateBookingTest {
  private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();

  private CreateBooking createBooking(DocumentStore on) {
    return new CreateBooking(new Bookings(on, clock), new IdempotencyRecords(on), PriceList.DEFAULT, NoLimits.INSTANCE, clock);
  }

  private static NewBooking request(String name) {
    return new NewBooking(
        new CustomerDetails(name, WhatsAppNumber.parse("081234567890")),
        ServiceDuration.MINUTES_90,
        new Location("Jl. Sunset Road 88, Kuta", new Coordinates(-8.68, 115.17)),
        null);
  }

  @Test
  void opensASearchingBookingAtTheServersPrice() {
    CreateBooking.Created created = createBooking(store).create(Caller.user("u1"), request("Budi"), null);

    Booking booking = created.booking();
    assertEquals(BookingStatus.SEARCHING, booking.status());
    assertEquals(300_000, booking.request().price());
    assertEquals(BookingMode.IMMEDIATE, booking.mode());
    assertEquals("u1", booking.owner().userId());
    assertNull(created.token(), "a signed-in user needs no token");
    assertEquals(booking, new Bookings(store, clock).find(booking.id()).orElseThrow());
  }

  @Test
  void aGuestGetsATokenOfWhichOnlyTheHashIsStored() {
    CreateBooking.Created created = createBooking(store).create(Caller.guest(null), request("Budi"), null);

    assertNotNull(created.token());
    Document stored = store.find(Bookings.COLLECTION, created.booking().id()).orElseThrow();
    assertEquals(created.token().hash(), stored.string("guestTokenHash"));
    assertTrue(stored.data().values().stream().noneMatch(created.token().value()::equals));
  }

  @Test
  void aRetryWithTheSameKeyAnswersTheSameBooking() {
    CreateBooking create = createBooking(store);
    CreateBooking.Created first = create.create(Caller.guest(null), request("Budi"), "key-1");
    clock.advance(Duration.ofSeconds(30));

    CreateBooking.Created retry = create.create(Caller.guest(null), request("Budi"), "key-1");

    assertEquals(first.booking(), retry.booking());
    assertEquals(first.token(), retry.token(), "the guest gets the same token back");
    assertEquals(1, store.list(Bookings.COLLECTION, List.of(Query.limit(100))).size());
  }

  @Test
  void theSameKeyForADifferentRequestIsAConflict() {
    CreateBooking create = createBooking(store);
    create.create(Caller.user("u1"), request("Budi"), "key-1");

    Rejection conflict = assertThrows(Rejection.class, () -> create.create(Caller.user("u1"), request("Sari"), "key-1"));

    assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, conflict.code());
  }

  @Test
  void keysOfDifferentUsersDoNotMeet() {
    CreateBooking create = createBooking(store);
    Booking mine = create.create(Caller.user("u1"), request("Budi"), "key-1").booking();
    Booking theirs = create.create(Caller.user("u2"), request("Budi"), "key-1").booking();

    assertNotEquals(mine.id(), theirs.id());
  }

  @Test
  void aScheduledTimeInThePastIsRefused() {
    NewBooking past = new NewBooking(request("Budi").customer(), ServiceDuration.MINUTES_60,
        request("Budi").location(), Instant.parse("2026-11-21T09:59:59Z"));

    Rejection rejection = assertThrows(Rejection.class, () -> createBooking(store).create(Caller.user("u1"), past, null));

    assertEquals("scheduledAt", rejection.details().get(0).field());
    assertTrue(store.list(Bookings.COLLECTION, List.of(Query.limit(100))).isEmpty());
  }

  @Test
  void aScheduledTimeSoonerThanAnyTherapistCanArriveIsRefusedNamingTheField() {
    Instant now = clock.instant();
    NewBooking inFourMinutes = new NewBooking(request("Budi").customer(), ServiceDuration.MINUTES_60,
        request("Budi").location(), now.plus(Duration.ofMinutes(4)));
    NewBooking inFiveMinutes = new NewBooking(request("Budi").customer(), ServiceDuration.MINUTES_60,
        request("Budi").location(), now.plus(Duration.ofMinutes(5)));

    Rejection rejection = assertThrows(Rejection.class, () -> createBooking(store).create(Caller.user("u1"), inFourMinutes, null));

    assertEquals("scheduledAt", rejection.details().get(0).field());
    assertEquals("scheduledAt must be at least 5 minutes ahead, the least a therapist needs to get there", rejection.getMessage());
    assertEquals(now.plus(Duration.ofMinutes(5)),
        createBooking(store).create(Caller.user("u1"), inFiveMinutes, null).booking().request().scheduledAt());
  }

  @Test
  void aRetryWithTheSameKeyAnswersTheScheduledBookingOnceItsTimeIsLessThanFiveMinutesAway() {
    NewBooking soon = new NewBooking(request("Budi").customer(), ServiceDuration.MINUTES_60,
        request("Budi").location(), clock.instant().plus(Duration.ofMinutes(5).plusSeconds(10)));
    CreateBooking create = createBooking(store);
    CreateBooking.Created first = create.create(Caller.guest(null), soon, "key-1");
    clock.advance(Duration.ofSeconds(30));

    CreateBooking.Created retry = create.create(Caller.guest(null), soon, "key-1");

    assertEquals(first.booking(), retry.booking());
    assertEquals(first.token(), retry.token());
  }

  @Test
  void aKeyedCreateWhoseScheduledTimeIsTooSoonIsRefusedAndGivesItsKeyBack() {
    NewBooking tooSoon = new NewBooking(request("Budi").customer(), ServiceDuration.MINUTES_60,
        request("Budi").location(), clock.instant().plus(Duration.ofMinutes(4)));

    Rejection rejection = assertThrows(Rejection.class, () -> createBooking(store).create(Caller.guest(null), tooSoon, "key-1"));

    assertEquals("scheduledAt", rejection.details().get(0).field());
    assertTrue(store.list(IdempotencyRecords.COLLECTION, List.of(Query.limit(10))).isEmpty());
    assertTrue(store.list(Bookings.COLLECTION, List.of(Query.limit(10))).isEmpty());
  }

  @Test
  void aCreateThatDiesAfterTheKeyIsClaimedIsFinishedByItsRetry() {
    DocumentStore failingBookings = new FailingOn(store, Bookings.COLLECTION);
    assertThrows(StoreUnavailableException.class,
        () -> createBooking(failingBookings).create(Caller.guest(null), request("Budi"), "key-1"));
    assertTrue(store.list(Bookings.COLLECTION, List.of(Query.limit(100))).isEmpty(), "nothing half-written");

    CreateBooking.Created retry = createBooking(store).create(Caller.guest(null), request("Budi"), "key-1");

    assertEquals(BookingStatus.SEARCHING, retry.booking().status());
    assertTrue(retry.token().matches(retry.booking().owner().guestTokenHash()));
    assertEquals(1, store.list(Bookings.COLLECTION, List.of(Query.limit(100))).size());
  }

  @Test
  void aCreateTheDatabaseRefusedGivesItsKeyBackForTheCorrectedRetry() {
    DocumentStore refusingBookings = new FailingOn(store, Bookings.COLLECTION, new StoreRejectedException("too long"));
    assertThrows(StoreRejectedException.class,
        () -> createBooking(refusingBookings).create(Caller.guest(null), request("Budi"), "key-1"));

    CreateBooking.Created retry = createBooking(store).create(Caller.guest(null), request("Budi Santoso"), "key-1");

    assertEquals("Budi Santoso", retry.booking().request().customer().name());
  }

  @Test
  void aCreateRefusedByFairUseGivesItsKeyBackAndLeavesNoRecord() {
    CustomerLimits refuseAll = new CustomerLimits() {
      @Override
      public void beforeCreate(Caller caller, NewBooking request, java.time.Instant now) {
        throw new Rejection(ErrorCode.INVALID_STATE, "too many open");
      }

      @Override
      public void afterCreate(Caller caller, Booking booking) {}

      @Override
      public RoundCount countRound(Caller caller, Booking booking, boolean passesOver, java.time.Instant now) {
        return RoundCount.FREE;
      }

      @Override
      public Duration offerWindow(Duration asked) {
        return asked;
      }
    };
    CreateBooking refusing = new CreateBooking(new Bookings(store, clock), new IdempotencyRecords(store), PriceList.DEFAULT, refuseAll, clock);

    assertThrows(Rejection.class, () -> refusing.create(Caller.guest(null), request("Budi"), "key-1"));

    assertTrue(store.list(IdempotencyRecords.COLLECTION, List.of(Query.limit(10))).isEmpty());
    assertTrue(store.list(Bookings.COLLECTION, List.of(Query.limit(10))).isEmpty());
  }

  /** A database whose writes to one collection fail, as a network cut half-way (or a refusal) would. */
  private record FailingOn(DocumentStore store, String collection, RuntimeException failure) implements DocumentStore {
    FailingOn(DocumentStore store, String collection) {
      this(store, collection, new StoreUnavailableException("cut", null));
    }

    @Override
    public Document create(String c, String id, Map<String, Object> data, Set<String> readers) {
      if (c.equals(collection)) {
        throw failure;
      }
      return store.create(c, id, data, readers);
    }

    @Override
    public Optional<Document> find(String c, String id) {
      return store.find(c, id);
    }

    @Override
    public Document update(String c, String id, Map<String, Object> changes) {
      return store.update(c, id, changes);
    }

    @Override
    public Document updateWithReaders(String c, String id, Map<String, Object> changes, Set<String> readers) {
      return store.updateWithReaders(c, id, changes, readers);
    }

    @Override
    public void delete(String c, String id) {
      store.delete(c, id);
    }

    @Override
    public List<Document> list(String c, List<Query> queries) {
      return store.list(c, queries);
    }
  }
}
